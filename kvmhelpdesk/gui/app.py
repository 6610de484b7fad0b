"""Start the desktop app: QApplication, icons, knowledge base, main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from kvmhelpdesk import APP_NAME, __version__
from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.icons import icon, install_search_path
from kvmhelpdesk.kb import ContentError, load_knowledge_base
from kvmhelpdesk.kb.parse_cache import default_cache
from kvmhelpdesk.kb.render import use_render_cache

ORGANIZATION = "kvmhelpdesk"


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                     "kvmhelpdesk")


def create_window(extra_content: Sequence[str] = (), settings: QSettings | None = None):
    """Build the main window (used by `run` and by tests)."""
    from kvmhelpdesk.gui.mainwindow import MainWindow

    install_search_path()
    use_render_cache(default_cache("rendered.cache"))
    settings = settings or make_settings()
    remembered = cfg.read(settings, cfg.Prefs.EXTRA_CONTENT)
    extra = list(dict.fromkeys([*remembered, *extra_content]))
    kb = load_knowledge_base(extra)
    loaded = [d for d in extra if not any(d in p for p in kb.problems)]
    from kvmhelpdesk.gui import theme

    window = MainWindow(kb, settings, loaded, theme.start(settings))
    window.report_problems(kb.problems)
    # A remembered pack that is broken now is left out, but stays remembered: Forget must
    # stay reachable to drop it.
    window.ui.actionForgetContentPacks.setEnabled(bool(extra))
    return window


def run(extra_content: Sequence[str] = ()) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("kvmhelpdesk")
    install_search_path()
    app.setWindowIcon(icon("app"))
    try:
        window = create_window(extra_content)
    except ContentError as exc:
        QMessageBox.critical(None, APP_NAME, f"The knowledge base could not be loaded:\n\n{exc}")
        print(f"kvmhelpdesk: error: {exc}", file=sys.stderr)
        return 2
    from kvmhelpdesk.gui import errors

    errors.install(lambda message: window.statusBar().showMessage(message, 15000))
    window.show()
    return app.exec()
