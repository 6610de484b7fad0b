# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_verdict.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QSplitter, QTextBrowser, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_VerdictPage(object):
    def setupUi(self, VerdictPage):
        if not VerdictPage.objectName():
            VerdictPage.setObjectName(u"VerdictPage")
        VerdictPage.resize(900, 600)
        self.pageLayout = QVBoxLayout(VerdictPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.banner = QFrame(VerdictPage)
        self.banner.setObjectName(u"banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.bannerLayout = QHBoxLayout(self.banner)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerIcon = QLabel(self.banner)
        self.bannerIcon.setObjectName(u"bannerIcon")
        self.bannerIcon.setMinimumSize(QSize(48, 48))

        self.bannerLayout.addWidget(self.bannerIcon)

        self.bannerText = QVBoxLayout()
        self.bannerText.setObjectName(u"bannerText")
        self.verdictLabel = QLabel(self.banner)
        self.verdictLabel.setObjectName(u"verdictLabel")

        self.bannerText.addWidget(self.verdictLabel)

        self.detailLabel = QLabel(self.banner)
        self.detailLabel.setObjectName(u"detailLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.detailLabel.sizePolicy().hasHeightForWidth())
        self.detailLabel.setSizePolicy(sizePolicy)
        self.detailLabel.setTextFormat(Qt.TextFormat.RichText)
        self.detailLabel.setWordWrap(True)

        self.bannerText.addWidget(self.detailLabel)

        self.bannerText.setStretch(1, 1)

        self.bannerLayout.addLayout(self.bannerText)


        self.pageLayout.addWidget(self.banner)

        self.splitter = QSplitter(VerdictPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.findingsPane = QWidget(self.splitter)
        self.findingsPane.setObjectName(u"findingsPane")
        self.findingsLayout = QVBoxLayout(self.findingsPane)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsLayout.setContentsMargins(0, 0, 0, 0)
        self.findingsLabel = QLabel(self.findingsPane)
        self.findingsLabel.setObjectName(u"findingsLabel")
        self.findingsLabel.setWordWrap(True)

        self.findingsLayout.addWidget(self.findingsLabel)

        self.findingsView = QTextBrowser(self.findingsPane)
        self.findingsView.setObjectName(u"findingsView")
        self.findingsView.setOpenLinks(False)

        self.findingsLayout.addWidget(self.findingsView)

        self.splitter.addWidget(self.findingsPane)
        self.sidePane = QWidget(self.splitter)
        self.sidePane.setObjectName(u"sidePane")
        self.sideLayout = QVBoxLayout(self.sidePane)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.conditionsLabel = QLabel(self.sidePane)
        self.conditionsLabel.setObjectName(u"conditionsLabel")
        self.conditionsLabel.setWordWrap(True)

        self.sideLayout.addWidget(self.conditionsLabel)

        self.conditionsList = QListWidget(self.sidePane)
        self.conditionsList.setObjectName(u"conditionsList")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(3)
        sizePolicy1.setHeightForWidth(self.conditionsList.sizePolicy().hasHeightForWidth())
        self.conditionsList.setSizePolicy(sizePolicy1)
        self.conditionsList.setMinimumSize(QSize(0, 100))
        self.conditionsList.setWordWrap(True)
        self.conditionsList.setIconSize(QSize(20, 20))

        self.sideLayout.addWidget(self.conditionsList)

        self.answerLayout = QHBoxLayout()
        self.answerLayout.setObjectName(u"answerLayout")
        self.confirmedRadio = QRadioButton(self.sidePane)
        self.confirmedRadio.setObjectName(u"confirmedRadio")

        self.answerLayout.addWidget(self.confirmedRadio)

        self.openRadio = QRadioButton(self.sidePane)
        self.openRadio.setObjectName(u"openRadio")

        self.answerLayout.addWidget(self.openRadio)

        self.refutedRadio = QRadioButton(self.sidePane)
        self.refutedRadio.setObjectName(u"refutedRadio")

        self.answerLayout.addWidget(self.refutedRadio)

        self.answerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.answerLayout.addItem(self.answerSpacer)


        self.sideLayout.addLayout(self.answerLayout)

        self.noteEdit = QLineEdit(self.sidePane)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setClearButtonEnabled(True)

        self.sideLayout.addWidget(self.noteEdit)

        self.adviceLabel = QLabel(self.sidePane)
        self.adviceLabel.setObjectName(u"adviceLabel")

        self.sideLayout.addWidget(self.adviceLabel)

        self.adviceList = QListWidget(self.sidePane)
        self.adviceList.setObjectName(u"adviceList")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.adviceList.sizePolicy().hasHeightForWidth())
        self.adviceList.setSizePolicy(sizePolicy2)
        self.adviceList.setMinimumSize(QSize(0, 50))
        self.adviceList.setWordWrap(True)
        self.adviceList.setIconSize(QSize(20, 20))
        self.adviceList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.sideLayout.addWidget(self.adviceList)

        self.sideLayout.setStretch(1, 3)
        self.sideLayout.setStretch(5, 1)
        self.splitter.addWidget(self.sidePane)

        self.pageLayout.addWidget(self.splitter)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.saveButton = QPushButton(VerdictPage)
        self.saveButton.setObjectName(u"saveButton")

        self.actionLayout.addWidget(self.saveButton)

        self.exportButton = QPushButton(VerdictPage)
        self.exportButton.setObjectName(u"exportButton")

        self.actionLayout.addWidget(self.exportButton)

        self.copyButton = QPushButton(VerdictPage)
        self.copyButton.setObjectName(u"copyButton")

        self.actionLayout.addWidget(self.copyButton)

        self.actionStatus = QLabel(VerdictPage)
        self.actionStatus.setObjectName(u"actionStatus")

        self.actionLayout.addWidget(self.actionStatus)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)


        self.pageLayout.addLayout(self.actionLayout)

        self.pageLayout.setStretch(1, 1)

        self.retranslateUi(VerdictPage)

        QMetaObject.connectSlotsByName(VerdictPage)
    # setupUi

    def retranslateUi(self, VerdictPage):
        VerdictPage.setTitle(QCoreApplication.translate("VerdictPage", u"Verdict", None))
        VerdictPage.setSubTitle(QCoreApplication.translate("VerdictPage", u"What the support statement says about this setup, with the entry behind every point.", None))
#if QT_CONFIG(accessibility)
        self.banner.setAccessibleName(QCoreApplication.translate("VerdictPage", u"Overall verdict", None))
#endif // QT_CONFIG(accessibility)
        self.bannerIcon.setText("")
        self.verdictLabel.setText(QCoreApplication.translate("VerdictPage", u"Verdict", None))
        self.detailLabel.setText("")
        self.findingsLabel.setText(QCoreApplication.translate("VerdictPage", u"Findings by host, guest and performance (click an entry to read it):", None))
#if QT_CONFIG(accessibility)
        self.findingsView.setAccessibleName(QCoreApplication.translate("VerdictPage", u"Findings with their entries", None))
#endif // QT_CONFIG(accessibility)
        self.conditionsLabel.setText(QCoreApplication.translate("VerdictPage", u"Conditions to confirm with the customer:", None))
#if QT_CONFIG(accessibility)
        self.conditionsList.setAccessibleName(QCoreApplication.translate("VerdictPage", u"Conditions to confirm (select one, then record the customer's answer below it)", None))
#endif // QT_CONFIG(accessibility)
        self.confirmedRadio.setText(QCoreApplication.translate("VerdictPage", u"Con&firmed", None))
#if QT_CONFIG(tooltip)
        self.confirmedRadio.setToolTip(QCoreApplication.translate("VerdictPage", u"The customer confirmed the selected condition", None))
#endif // QT_CONFIG(tooltip)
        self.openRadio.setText(QCoreApplication.translate("VerdictPage", u"No&t yet", None))
#if QT_CONFIG(tooltip)
        self.openRadio.setToolTip(QCoreApplication.translate("VerdictPage", u"Not confirmed yet", None))
#endif // QT_CONFIG(tooltip)
        self.refutedRadio.setText(QCoreApplication.translate("VerdictPage", u"&Refuted", None))
#if QT_CONFIG(tooltip)
        self.refutedRadio.setToolTip(QCoreApplication.translate("VerdictPage", u"The customer says the condition does not hold: the verdict then follows what the statement says of that answer", None))
#endif // QT_CONFIG(tooltip)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("VerdictPage", u"Note, e.g. \"lsmod output in the SR, 2 Dec\"", None))
#if QT_CONFIG(tooltip)
        self.noteEdit.setToolTip(QCoreApplication.translate("VerdictPage", u"The customer's answer or where it is written, kept in the case and the report", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("VerdictPage", u"Note on the selected condition", None))
#endif // QT_CONFIG(accessibility)
        self.adviceLabel.setText(QCoreApplication.translate("VerdictPage", u"Advice for the customer:", None))
#if QT_CONFIG(accessibility)
        self.adviceList.setAccessibleName(QCoreApplication.translate("VerdictPage", u"Advice", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("VerdictPage", u"&Save case\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("VerdictPage", u"E&xport report\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("VerdictPage", u"Markdown ticket note, HTML, PDF or plain text", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(QCoreApplication.translate("VerdictPage", u"&Copy report", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("VerdictPage", u"Copy the report as plain text, ready to paste into the ticket", None))
#endif // QT_CONFIG(tooltip)
        self.actionStatus.setText("")
    # retranslateUi

