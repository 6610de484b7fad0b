# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'findbar.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QToolButton, QWidget)

class Ui_FindBar(object):
    def setupUi(self, FindBar):
        if not FindBar.objectName():
            FindBar.setObjectName(u"FindBar")
        FindBar.resize(640, 34)
        FindBar.setFrameShape(QFrame.Shape.NoFrame)
        self.findLayout = QHBoxLayout(FindBar)
        self.findLayout.setSpacing(4)
        self.findLayout.setObjectName(u"findLayout")
        self.findLayout.setContentsMargins(4, 2, 4, 2)
        self.findField = QLineEdit(FindBar)
        self.findField.setObjectName(u"findField")
        self.findField.setMinimumSize(QSize(100, 0))
        self.findField.setClearButtonEnabled(True)

        self.findLayout.addWidget(self.findField)

        self.previousButton = QToolButton(FindBar)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setArrowType(Qt.ArrowType.UpArrow)

        self.findLayout.addWidget(self.previousButton)

        self.nextButton = QToolButton(FindBar)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setArrowType(Qt.ArrowType.DownArrow)

        self.findLayout.addWidget(self.nextButton)

        self.caseBox = QCheckBox(FindBar)
        self.caseBox.setObjectName(u"caseBox")

        self.findLayout.addWidget(self.caseBox)

        self.countLabel = QLabel(FindBar)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setMinimumSize(QSize(64, 0))

        self.findLayout.addWidget(self.countLabel)

        self.findSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.findLayout.addItem(self.findSpacer)

        self.closeButton = QToolButton(FindBar)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoRaise(True)

        self.findLayout.addWidget(self.closeButton)


        self.retranslateUi(FindBar)

        QMetaObject.connectSlotsByName(FindBar)
    # setupUi

    def retranslateUi(self, FindBar):
#if QT_CONFIG(accessibility)
        FindBar.setAccessibleName(QCoreApplication.translate("FindBar", u"Find in entry", None))
#endif // QT_CONFIG(accessibility)
        self.findField.setPlaceholderText(QCoreApplication.translate("FindBar", u"Find in this entry", None))
#if QT_CONFIG(accessibility)
        self.findField.setAccessibleName(QCoreApplication.translate("FindBar", u"Find in entry", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.findField.setToolTip(QCoreApplication.translate("FindBar", u"Enter: next match; Shift+Enter: previous; Esc: close", None))
#endif // QT_CONFIG(tooltip)
        self.previousButton.setText(QCoreApplication.translate("FindBar", u"Previous", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("FindBar", u"Previous match (Shift+F3, Shift+Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.previousButton.setAccessibleName(QCoreApplication.translate("FindBar", u"Previous match", None))
#endif // QT_CONFIG(accessibility)
        self.nextButton.setText(QCoreApplication.translate("FindBar", u"Next", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("FindBar", u"Next match (F3, Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(QCoreApplication.translate("FindBar", u"Next match", None))
#endif // QT_CONFIG(accessibility)
        self.caseBox.setText(QCoreApplication.translate("FindBar", u"&Match case", None))
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("FindBar", u"Matches found", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("FindBar", u"\u00d7", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("FindBar", u"Close the find bar and clear its highlights (Esc)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("FindBar", u"Close find bar", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

