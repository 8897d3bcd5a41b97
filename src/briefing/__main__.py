"""``python -m briefing`` runs the CLI."""

from briefing.cli import main

main()
