"""Start the desktop app: QApplication, icons, knowledge base, main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kvmhelpdesk import APP_ID, APP_NAME, __version__
from kvmhelpdesk.gui import settings as cfg
from kvmhelpdesk.gui.icons import icon, install_search_path
from kvmhelpdesk.kb import ContentError, load_knowledge_base
from kvmhelpdesk.kb.parse_cache import default_cache
from kvmhelpdesk.kb.render import use_render_cache

ORGANIZATION = "kvmhelpdesk"


def create_window(extra_content: Sequence[str] = (), settings: QSettings | None = None):
    """Build the main window (used by `run` and by tests)."""
    from kvmhelpdesk.gui.mainwindow import MainWindow

    install_search_path()
    use_render_cache(default_cache("rendered.cache"))
    notices: list[str] = []
    if settings is None:
        settings, warning = cfg.user_settings(ORGANIZATION, "kvmhelpdesk")
        notices += [warning] if warning else []
    remembered = cfg.read(settings, cfg.Prefs.EXTRA_CONTENT)
    extra = list(dict.fromkeys([*remembered, *extra_content]))
    kb = load_knowledge_base(extra)
    loaded = [d for d in extra if d not in kb.left_out]
    from kvmhelpdesk.gui import theme

    window = MainWindow(kb, settings, loaded, theme.start(settings))
    from kvmhelpdesk.gui.content_packs import report_start_problems

    report_start_problems(window, kb.problems, notices)
    # A remembered pack that is broken now is left out, but stays remembered: Forget must
    # stay reachable to drop it.
    window.ui.actionForgetContentPacks.setEnabled(bool(extra))
    from kvmhelpdesk.gui.file_open import install_file_drop

    install_file_drop(window)
    return window


def run(extra_content: Sequence[str] = (), files: Sequence[str] = ()) -> int:
    """The desktop app; `files` (case files, support bundles) open once the window is up.

    While the app already runs on this display, hand `files` to it and return at once."""
    from kvmhelpdesk.gui import single_instance
    from kvmhelpdesk.gui.platform_guard import create_application

    app = QApplication.instance() or create_application(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop file (Wayland icons)
    install_search_path()
    app.setWindowIcon(icon("app"))
    name = single_instance.server_name()
    if single_instance.hand_over(name, files, extra_content):
        print("kvmhelpdesk: handed over to the window already open on this display")
        return 0
    server = single_instance.InstanceServer(name, app)
    server.listen()
    try:
        window = create_window(extra_content)
    except ContentError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, f"The knowledge base could not be loaded:\n\n{exc}")
        print(f"kvmhelpdesk: error: {exc}", file=sys.stderr)
        return 2
    from kvmhelpdesk.gui import errors
    from kvmhelpdesk.gui.file_open import open_paths

    errors.install(lambda message: window.statusBar().showMessage(message, 15000))
    accept_hand_overs(server, window)
    window.show()
    if files:
        QTimer.singleShot(0, lambda: open_paths(window, files))
    if os.environ.get("KVMHELPDESK_EXIT_WHEN_READY"):
        _exit_when_ready(app, window)
    return app.exec()


def accept_hand_overs(server, window) -> None:
    """Open what a later launch hands over once the socket's signal has returned.

    Opening may show a dialog (a bad file, the unsaved-changes prompt) whose event loop lets
    the socket close and be deleted; run inside the socket's own signal, that crashed the app
    when it returned into the deleted socket (SIGSEGV)."""
    from kvmhelpdesk.gui.file_open import receive

    server.request.connect(lambda paths, packs: QTimer.singleShot(
        0, window, lambda: receive(window, paths, packs)))


def _exit_when_ready(app: QApplication, window) -> None:
    """For CI's check of a built bundle: quit with status 0 once the window is shown and its
    search index is open (status 1 if that takes over a minute)."""
    def ready() -> None:
        print(f"ready: {window.windowTitle()}; {len(window.kb.entries())} entries; "
              "search index open", flush=True)
        app.exit(0)

    window.search.ready.connect(ready)
    QTimer.singleShot(60_000, lambda: app.exit(1))
