"""The wizard pages (one module each), listed in order in wizard.PAGES."""
