# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_ticket.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_TicketPage(object):
    def setupUi(self, TicketPage):
        if not TicketPage.objectName():
            TicketPage.setObjectName(u"TicketPage")
        TicketPage.resize(760, 420)
        self.pageLayout = QVBoxLayout(TicketPage)
        self.pageLayout.setSpacing(12)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(TicketPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(TicketPage)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.releaseLabel = QLabel(TicketPage)
        self.releaseLabel.setObjectName(u"releaseLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.releaseLabel)

        self.releaseCombo = QComboBox(TicketPage)
        self.releaseCombo.setObjectName(u"releaseCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.releaseCombo)

        self.releaseInfo = QLabel(TicketPage)
        self.releaseInfo.setObjectName(u"releaseInfo")
        self.releaseInfo.setTextFormat(Qt.TextFormat.PlainText)
        self.releaseInfo.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.releaseInfo)

        self.caseFileCaption = QLabel(TicketPage)
        self.caseFileCaption.setObjectName(u"caseFileCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.caseFileCaption)

        self.caseFileLabel = QLabel(TicketPage)
        self.caseFileLabel.setObjectName(u"caseFileLabel")
        self.caseFileLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.caseFileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caseFileLabel.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.caseFileLabel)

        self.sourceCaption = QLabel(TicketPage)
        self.sourceCaption.setObjectName(u"sourceCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sourceCaption)

        self.sourceLabel = QLabel(TicketPage)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.sourceLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sourceLabel.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sourceLabel)

        self.notesCaption = QLabel(TicketPage)
        self.notesCaption.setObjectName(u"notesCaption")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesCaption)

        self.notesList = QListWidget(TicketPage)
        self.notesList.setObjectName(u"notesList")
        self.notesList.setMaximumSize(QSize(16777215, 120))
        self.notesList.setWordWrap(True)
        self.notesList.setTextElideMode(Qt.TextElideMode.ElideNone)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesList)


        self.pageLayout.addLayout(self.formLayout)

        self.unansweredHint = QLabel(TicketPage)
        self.unansweredHint.setObjectName(u"unansweredHint")
        self.unansweredHint.setWordWrap(True)

        self.pageLayout.addWidget(self.unansweredHint)

        self.importLayout = QHBoxLayout()
        self.importLayout.setObjectName(u"importLayout")
        self.importHint = QLabel(TicketPage)
        self.importHint.setObjectName(u"importHint")
        self.importHint.setWordWrap(True)

        self.importLayout.addWidget(self.importHint)

        self.importButton = QPushButton(TicketPage)
        self.importButton.setObjectName(u"importButton")

        self.importLayout.addWidget(self.importButton)

        self.importLayout.setStretch(0, 1)

        self.pageLayout.addLayout(self.importLayout)

        self.stepsLabel = QLabel(TicketPage)
        self.stepsLabel.setObjectName(u"stepsLabel")
        self.stepsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.stepsLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.stepsLabel)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.releaseLabel.setBuddy(self.releaseCombo)
        self.notesCaption.setBuddy(self.notesList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TicketPage)

        QMetaObject.connectSlotsByName(TicketPage)
    # setupUi

    def retranslateUi(self, TicketPage):
        TicketPage.setTitle(QCoreApplication.translate("TicketPage", u"Ticket and release", None))
        TicketPage.setSubTitle(QCoreApplication.translate("TicketPage", u"Name the case and pick the support statement the customer's host runs.", None))
        self.titleLabel.setText(QCoreApplication.translate("TicketPage", u"&Ticket / title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("TicketPage", u"e.g. SR 10742 \u2013 ACME: Windows guests after the SP1 upgrade", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("TicketPage", u"Ticket or case title", None))
#endif // QT_CONFIG(accessibility)
        self.releaseLabel.setText(QCoreApplication.translate("TicketPage", u"Support &statement:", None))
#if QT_CONFIG(accessibility)
        self.releaseCombo.setAccessibleName(QCoreApplication.translate("TicketPage", u"Support statement release", None))
#endif // QT_CONFIG(accessibility)
        self.releaseInfo.setText("")
        self.caseFileCaption.setText(QCoreApplication.translate("TicketPage", u"Case file:", None))
#if QT_CONFIG(accessibility)
        self.caseFileLabel.setAccessibleName(QCoreApplication.translate("TicketPage", u"Case file", None))
#endif // QT_CONFIG(accessibility)
        self.caseFileLabel.setText(QCoreApplication.translate("TicketPage", u"not saved yet", None))
        self.sourceCaption.setText(QCoreApplication.translate("TicketPage", u"Read from:", None))
        self.sourceLabel.setText("")
#if QT_CONFIG(accessibility)
        self.sourceLabel.setAccessibleName(QCoreApplication.translate("TicketPage", u"Support bundle the case was read from", None))
#endif // QT_CONFIG(accessibility)
        self.notesCaption.setText(QCoreApplication.translate("TicketPage", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesList.setAccessibleName(QCoreApplication.translate("TicketPage", u"Notes on reading the support bundle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.notesList.setToolTip(QCoreApplication.translate("TicketPage", u"What could not be read from the support bundle, or was read only in part", None))
#endif // QT_CONFIG(tooltip)
        self.unansweredHint.setText(QCoreApplication.translate("TicketPage", u"Every question may be left unanswered (\"Unknown\" or an empty field). What you leave open is not guessed: the verdict lists it as a condition to confirm with the customer.", None))
        self.importHint.setText(QCoreApplication.translate("TicketPage", u"Have a qemu-kvm command line, libvirt domain XML, monitor transcript or supportconfig archive from the customer? Import it to fill in the host and guest answers.", None))
        self.importButton.setText(QCoreApplication.translate("TicketPage", u"&Import configuration\u2026", None))
        self.stepsLabel.setText(QCoreApplication.translate("TicketPage", u"<p><b>The steps:</b></p><ol><li>Ticket and release (this page)</li><li>The host: hardware, kernel, power, management tools</li><li>The guests: OS, size, disks, NICs, devices, features (each checked as you type)</li><li>A performance complaint, if there is one</li><li>The verdict: findings with the entry behind each, conditions to confirm, advice; save the case, export the report or copy it for the ticket</li></ol><p>\"Show verdict\" jumps to the end at any time.</p>", None))
    # retranslateUi

