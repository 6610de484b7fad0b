"""KVM Helpdesk: a support statement as a searchable knowledge base and a triage wizard."""

__version__ = "0.1.0"
APP_NAME = "KVM Helpdesk"
APP_ID = "org.kvmhelpdesk.KvmHelpdesk"  # reverse-DNS id: desktop file, AppStream, Wayland
