"""The triage wizard: pages, guest editor, live feedback, verdict view, import page."""
