# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_import.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_ImportPage(object):
    def setupUi(self, ImportPage):
        if not ImportPage.objectName():
            ImportPage.setObjectName(u"ImportPage")
        ImportPage.resize(900, 600)
        self.pageLayout = QVBoxLayout(ImportPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.sourceLayout = QHBoxLayout()
        self.sourceLayout.setObjectName(u"sourceLayout")
        self.kindLabel = QLabel(ImportPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.sourceLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(ImportPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.sourceLayout.addWidget(self.kindCombo)

        self.openFileButton = QPushButton(ImportPage)
        self.openFileButton.setObjectName(u"openFileButton")

        self.sourceLayout.addWidget(self.openFileButton)

        self.clipboardButton = QPushButton(ImportPage)
        self.clipboardButton.setObjectName(u"clipboardButton")

        self.sourceLayout.addWidget(self.clipboardButton)

        self.analyzeButton = QPushButton(ImportPage)
        self.analyzeButton.setObjectName(u"analyzeButton")

        self.sourceLayout.addWidget(self.analyzeButton)

        self.busyBar = QProgressBar(ImportPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setVisible(False)
        self.busyBar.setMaximumSize(QSize(140, 16777215))
        self.busyBar.setMinimum(0)
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.sourceLayout.addWidget(self.busyBar)

        self.sourceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceLayout.addItem(self.sourceSpacer)


        self.pageLayout.addLayout(self.sourceLayout)

        self.splitter = QSplitter(ImportPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.inputEdit = QPlainTextEdit(self.splitter)
        self.inputEdit.setObjectName(u"inputEdit")
        self.inputEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.splitter.addWidget(self.inputEdit)
        self.optionTable = QTableWidget(self.splitter)
        self.optionTable.setObjectName(u"optionTable")
        self.optionTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.optionTable.setAlternatingRowColors(True)
        self.optionTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.optionTable.setWordWrap(True)
        self.splitter.addWidget(self.optionTable)

        self.pageLayout.addWidget(self.splitter)

        self.resultLabel = QLabel(ImportPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.resultLabel)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportPage)

        self.analyzeButton.setDefault(False)


        QMetaObject.connectSlotsByName(ImportPage)
    # setupUi

    def retranslateUi(self, ImportPage):
        ImportPage.setTitle(QCoreApplication.translate("ImportPage", u"Import a configuration", None))
        ImportPage.setSubTitle(QCoreApplication.translate("ImportPage", u"Paste, drop or open what the customer sent: the answers it gives fill in the wizard for you to review.", None))
        self.kindLabel.setText(QCoreApplication.translate("ImportPage", u"&Input:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("ImportPage", u"Kind of input", None))
#endif // QT_CONFIG(accessibility)
        self.openFileButton.setText(QCoreApplication.translate("ImportPage", u"&Open file\u2026", None))
        self.clipboardButton.setText(QCoreApplication.translate("ImportPage", u"Paste from &clipboard", None))
        self.analyzeButton.setText(QCoreApplication.translate("ImportPage", u"&Analyze", None))
#if QT_CONFIG(accessibility)
        self.busyBar.setAccessibleName(QCoreApplication.translate("ImportPage", u"Analyzing", None))
#endif // QT_CONFIG(accessibility)
        self.inputEdit.setPlaceholderText(QCoreApplication.translate("ImportPage", u"Paste a qemu-kvm command line (ps -ef), a libvirt domain XML (virsh dumpxml) or a monitor transcript here, or drop a file on this box.", None))
#if QT_CONFIG(accessibility)
        self.inputEdit.setAccessibleName(QCoreApplication.translate("ImportPage", u"Customer configuration to analyze", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.optionTable.setAccessibleName(QCoreApplication.translate("ImportPage", u"Option-by-option account", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
    # retranslateUi

