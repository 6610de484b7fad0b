"""The triage rules, one module per area of the statement.

Host rules see the whole case; guest rules see one guest (and the case around it) and run in
the order below, the OS row first because later rules read the matched row.
"""

from __future__ import annotations

from collections.abc import Callable

from kvmhelpdesk.triage.findings import Finding
from kvmhelpdesk.triage.rules import (
    features,
    guestos,
    host,
    limits,
    management,
    monitor,
    network,
    storage,
    timekeeping,
)
from kvmhelpdesk.triage.rules.base import CaseContext, GuestContext

HostRule = Callable[[CaseContext], list[Finding]]
GuestRule = Callable[[GuestContext], list[Finding]]

HOST_RULES: tuple[HostRule, ...] = (
    host.check_host,
    limits.check_host_limits,
    management.check_management,
    features.check_host_features,
    network.check_duplicate_macs,
    timekeeping.check_host_ntp,
)
GUEST_RULES: tuple[GuestRule, ...] = (
    guestos.check_guest_os,
    limits.check_guest_limits,
    storage.check_disks,
    network.check_nics,
    management.check_guest_devices,
    features.check_guest_features,
    timekeeping.check_guest_time,
    guestos.check_created_with,
    monitor.check_monitor,
)

__all__ = ["GUEST_RULES", "HOST_RULES", "CaseContext", "GuestContext"]
