# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_performance.ui'
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
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_PerformancePage(object):
    def setupUi(self, PerformancePage):
        if not PerformancePage.objectName():
            PerformancePage.setObjectName(u"PerformancePage")
        PerformancePage.resize(900, 500)
        self.pageLayout = QVBoxLayout(PerformancePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.introLabel = QLabel(PerformancePage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.introLabel)

        self.perfTable = QTableWidget(PerformancePage)
        self.perfTable.setObjectName(u"perfTable")
        self.perfTable.setAlternatingRowColors(True)
        self.perfTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.pageLayout.addWidget(self.perfTable)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(PerformancePage)
        self.addButton.setObjectName(u"addButton")

        self.buttonLayout.addWidget(self.addButton)

        self.removeButton = QPushButton(PerformancePage)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonLayout.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.pageLayout.addLayout(self.buttonLayout)

        self.feedbackLabel = QLabel(PerformancePage)
        self.feedbackLabel.setObjectName(u"feedbackLabel")

        self.pageLayout.addWidget(self.feedbackLabel)

        self.feedbackList = QListWidget(PerformancePage)
        self.feedbackList.setObjectName(u"feedbackList")
        self.feedbackList.setWordWrap(True)
        self.feedbackList.setIconSize(QSize(20, 20))
        self.feedbackList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.pageLayout.addWidget(self.feedbackList)


        self.retranslateUi(PerformancePage)

        QMetaObject.connectSlotsByName(PerformancePage)
    # setupUi

    def retranslateUi(self, PerformancePage):
        PerformancePage.setTitle(QCoreApplication.translate("PerformancePage", u"Performance complaint (optional)", None))
        PerformancePage.setSubTitle(QCoreApplication.translate("PerformancePage", u"Only when the customer finds a guest too slow: which area, how the device is provided, and what was measured.", None))
        self.introLabel.setText(QCoreApplication.translate("PerformancePage", u"Measured performance is given as a percentage of the same workload on bare metal. Leave the table empty when there is no performance complaint.", None))
#if QT_CONFIG(accessibility)
        self.perfTable.setAccessibleName(QCoreApplication.translate("PerformancePage", u"Performance complaints", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("PerformancePage", u"&Add complaint", None))
        self.removeButton.setText(QCoreApplication.translate("PerformancePage", u"&Remove", None))
        self.feedbackLabel.setText(QCoreApplication.translate("PerformancePage", u"What the statement expects:", None))
#if QT_CONFIG(accessibility)
        self.feedbackList.setAccessibleName(QCoreApplication.translate("PerformancePage", u"Expected performance for these complaints", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

