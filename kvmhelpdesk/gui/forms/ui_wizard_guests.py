# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_guests.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_GuestsPage(object):
    def setupUi(self, GuestsPage):
        if not GuestsPage.objectName():
            GuestsPage.setObjectName(u"GuestsPage")
        GuestsPage.resize(900, 500)
        self.pageLayout = QVBoxLayout(GuestsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.listLayout = QHBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.guestTable = QTableWidget(GuestsPage)
        self.guestTable.setObjectName(u"guestTable")
        self.guestTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.guestTable.setAlternatingRowColors(True)
        self.guestTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.guestTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.guestTable.setWordWrap(False)

        self.listLayout.addWidget(self.guestTable)

        self.buttonLayout = QVBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(GuestsPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonLayout.addWidget(self.addButton)

        self.editButton = QPushButton(GuestsPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonLayout.addWidget(self.editButton)

        self.duplicateButton = QPushButton(GuestsPage)
        self.duplicateButton.setObjectName(u"duplicateButton")

        self.buttonLayout.addWidget(self.duplicateButton)

        self.removeButton = QPushButton(GuestsPage)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonLayout.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.listLayout.addLayout(self.buttonLayout)


        self.pageLayout.addLayout(self.listLayout)

        self.summaryLabel = QLabel(GuestsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.summaryLabel)


        self.retranslateUi(GuestsPage)

        QMetaObject.connectSlotsByName(GuestsPage)
    # setupUi

    def retranslateUi(self, GuestsPage):
        GuestsPage.setTitle(QCoreApplication.translate("GuestsPage", u"Guests", None))
        GuestsPage.setSubTitle(QCoreApplication.translate("GuestsPage", u"Each virtual machine of the case: its operating system, size, disks, NICs, devices and features.", None))
#if QT_CONFIG(accessibility)
        self.guestTable.setAccessibleName(QCoreApplication.translate("GuestsPage", u"Guests of the case", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("GuestsPage", u"&Add\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("GuestsPage", u"Describe another guest", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("GuestsPage", u"&Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("GuestsPage", u"Change the selected guest (or double-click it)", None))
#endif // QT_CONFIG(tooltip)
        self.duplicateButton.setText(QCoreApplication.translate("GuestsPage", u"D&uplicate", None))
#if QT_CONFIG(tooltip)
        self.duplicateButton.setToolTip(QCoreApplication.translate("GuestsPage", u"Copy the selected guest; the copy's MAC addresses are left empty so no two NICs share one", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("GuestsPage", u"&Remove", None))
        self.summaryLabel.setText("")
    # retranslateUi

