"""Guards against a PySide6 that mishandles references to None (seen in 6.12.0).

Such a build returns None for an invalid QVariant without taking a reference, so each
`index.data()` of an unset role (which item views call constantly) eats one reference to None
until the interpreter aborts with "deallocating None". pyproject.toml keeps PySide6 below it.
"""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
model = QStandardItemModel()
model.appendRow(QStandardItem("x"))
index = model.index(0, 0)
before = sys.getrefcount(None)
for _ in range(500):
    index.data(Qt.ItemDataRole.UserRole + 7)
    QModelIndex().data()
print(sys.getrefcount(None) - before)
"""


def test_invalid_variants_keep_none_alive() -> None:
    # In a subprocess: a broken build would take the test session down with it.
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout.strip()) >= -5, "PySide6 drops references to None"
