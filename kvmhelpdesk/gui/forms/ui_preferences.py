# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'preferences.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLayout, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_PreferencesDialog(object):
    def setupUi(self, PreferencesDialog):
        if not PreferencesDialog.objectName():
            PreferencesDialog.setObjectName(u"PreferencesDialog")
        PreferencesDialog.resize(560, 380)
        self.dialogLayout = QVBoxLayout(PreferencesDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.appearanceGroup = QGroupBox(PreferencesDialog)
        self.appearanceGroup.setObjectName(u"appearanceGroup")
        self.appearanceLayout = QFormLayout(self.appearanceGroup)
        self.appearanceLayout.setObjectName(u"appearanceLayout")
        self.fontSizeLabel = QLabel(self.appearanceGroup)
        self.fontSizeLabel.setObjectName(u"fontSizeLabel")

        self.appearanceLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fontSizeLabel)

        self.fontSizeBox = QSpinBox(self.appearanceGroup)
        self.fontSizeBox.setObjectName(u"fontSizeBox")
        self.fontSizeBox.setMinimum(6)
        self.fontSizeBox.setMaximum(28)

        self.appearanceLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fontSizeBox)

        self.themeLabel = QLabel(self.appearanceGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.appearanceLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeBox = QComboBox(self.appearanceGroup)
        self.themeBox.setObjectName(u"themeBox")

        self.appearanceLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themeBox)


        self.dialogLayout.addWidget(self.appearanceGroup)

        self.contentGroup = QGroupBox(PreferencesDialog)
        self.contentGroup.setObjectName(u"contentGroup")
        self.contentLayout = QFormLayout(self.contentGroup)
        self.contentLayout.setObjectName(u"contentLayout")
        self.releaseLabel = QLabel(self.contentGroup)
        self.releaseLabel.setObjectName(u"releaseLabel")

        self.contentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.releaseLabel)

        self.releaseBox = QComboBox(self.contentGroup)
        self.releaseBox.setObjectName(u"releaseBox")

        self.contentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.releaseBox)


        self.dialogLayout.addWidget(self.contentGroup)

        self.storageGroup = QGroupBox(PreferencesDialog)
        self.storageGroup.setObjectName(u"storageGroup")
        self.storageLayout = QGridLayout(self.storageGroup)
        self.storageLayout.setObjectName(u"storageLayout")
        self.settingsFileLabel = QLabel(self.storageGroup)
        self.settingsFileLabel.setObjectName(u"settingsFileLabel")

        self.storageLayout.addWidget(self.settingsFileLabel, 0, 0, 1, 1)

        self.settingsPath = QLabel(self.storageGroup)
        self.settingsPath.setObjectName(u"settingsPath")
        self.settingsPath.setWordWrap(True)
        self.settingsPath.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.storageLayout.addWidget(self.settingsPath, 0, 1, 1, 2)

        self.cacheDirLabel = QLabel(self.storageGroup)
        self.cacheDirLabel.setObjectName(u"cacheDirLabel")

        self.storageLayout.addWidget(self.cacheDirLabel, 1, 0, 1, 1)

        self.cachePath = QLabel(self.storageGroup)
        self.cachePath.setObjectName(u"cachePath")
        self.cachePath.setWordWrap(True)
        self.cachePath.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.storageLayout.addWidget(self.cachePath, 1, 1, 1, 2)

        self.indexCacheLabel = QLabel(self.storageGroup)
        self.indexCacheLabel.setObjectName(u"indexCacheLabel")

        self.storageLayout.addWidget(self.indexCacheLabel, 2, 0, 1, 1)

        self.indexSize = QLabel(self.storageGroup)
        self.indexSize.setObjectName(u"indexSize")

        self.storageLayout.addWidget(self.indexSize, 2, 1, 1, 1)

        self.clearIndexButton = QPushButton(self.storageGroup)
        self.clearIndexButton.setObjectName(u"clearIndexButton")

        self.storageLayout.addWidget(self.clearIndexButton, 2, 2, 1, 1)

        self.contentCacheLabel = QLabel(self.storageGroup)
        self.contentCacheLabel.setObjectName(u"contentCacheLabel")

        self.storageLayout.addWidget(self.contentCacheLabel, 3, 0, 1, 1)

        self.contentSize = QLabel(self.storageGroup)
        self.contentSize.setObjectName(u"contentSize")

        self.storageLayout.addWidget(self.contentSize, 3, 1, 1, 1)

        self.clearContentButton = QPushButton(self.storageGroup)
        self.clearContentButton.setObjectName(u"clearContentButton")

        self.storageLayout.addWidget(self.clearContentButton, 3, 2, 1, 1)


        self.dialogLayout.addWidget(self.storageGroup)

        self.dialogSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.defaultsButton = QPushButton(PreferencesDialog)
        self.defaultsButton.setObjectName(u"defaultsButton")

        self.buttonLayout.addWidget(self.defaultsButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(PreferencesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fontSizeLabel.setBuddy(self.fontSizeBox)
        self.themeLabel.setBuddy(self.themeBox)
        self.releaseLabel.setBuddy(self.releaseBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fontSizeBox, self.themeBox)
        QWidget.setTabOrder(self.themeBox, self.releaseBox)
        QWidget.setTabOrder(self.releaseBox, self.clearIndexButton)
        QWidget.setTabOrder(self.clearIndexButton, self.clearContentButton)
        QWidget.setTabOrder(self.clearContentButton, self.defaultsButton)
        QWidget.setTabOrder(self.defaultsButton, self.buttonBox)

        self.retranslateUi(PreferencesDialog)

        QMetaObject.connectSlotsByName(PreferencesDialog)
    # setupUi

    def retranslateUi(self, PreferencesDialog):
        PreferencesDialog.setWindowTitle(QCoreApplication.translate("PreferencesDialog", u"Preferences", None))
        self.appearanceGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Appearance", None))
        self.fontSizeLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Font size:", None))
#if QT_CONFIG(accessibility)
        self.fontSizeBox.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Font size in points", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fontSizeBox.setToolTip(QCoreApplication.translate("PreferencesDialog", u"The size of all text in the app; entries can be zoomed on top of it (Ctrl+plus, Ctrl+minus)", None))
#endif // QT_CONFIG(tooltip)
        self.fontSizeBox.setSuffix(QCoreApplication.translate("PreferencesDialog", u" pt", None))
        self.themeLabel.setText(QCoreApplication.translate("PreferencesDialog", u"&Theme:", None))
#if QT_CONFIG(accessibility)
        self.themeBox.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Theme", None))
#endif // QT_CONFIG(accessibility)
        self.contentGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Content", None))
        self.releaseLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Default &release:", None))
#if QT_CONFIG(accessibility)
        self.releaseBox.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Default release", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.releaseBox.setToolTip(QCoreApplication.translate("PreferencesDialog", u"The support statement that search, new cases and links use unless you pick another", None))
#endif // QT_CONFIG(tooltip)
        self.storageGroup.setTitle(QCoreApplication.translate("PreferencesDialog", u"Settings and caches", None))
        self.settingsFileLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Settings file:", None))
        self.settingsPath.setText("")
#if QT_CONFIG(accessibility)
        self.settingsPath.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Settings file location", None))
#endif // QT_CONFIG(accessibility)
        self.cacheDirLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Cache folder:", None))
        self.cachePath.setText("")
#if QT_CONFIG(accessibility)
        self.cachePath.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Cache folder location", None))
#endif // QT_CONFIG(accessibility)
        self.indexCacheLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Search index:", None))
        self.indexSize.setText("")
#if QT_CONFIG(accessibility)
        self.indexSize.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Search index size", None))
#endif // QT_CONFIG(accessibility)
        self.clearIndexButton.setText(QCoreApplication.translate("PreferencesDialog", u"Clear search &index", None))
#if QT_CONFIG(tooltip)
        self.clearIndexButton.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Delete the search index; it is rebuilt in the background at once", None))
#endif // QT_CONFIG(tooltip)
        self.contentCacheLabel.setText(QCoreApplication.translate("PreferencesDialog", u"Parsed content:", None))
        self.contentSize.setText("")
#if QT_CONFIG(accessibility)
        self.contentSize.setAccessibleName(QCoreApplication.translate("PreferencesDialog", u"Parsed content cache size", None))
#endif // QT_CONFIG(accessibility)
        self.clearContentButton.setText(QCoreApplication.translate("PreferencesDialog", u"Clear &parsed content", None))
#if QT_CONFIG(tooltip)
        self.clearContentButton.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Delete the parsed content and rendered pages; they are made again as needed", None))
#endif // QT_CONFIG(tooltip)
        self.defaultsButton.setText(QCoreApplication.translate("PreferencesDialog", u"Restore &defaults", None))
#if QT_CONFIG(tooltip)
        self.defaultsButton.setToolTip(QCoreApplication.translate("PreferencesDialog", u"Desktop font size, follow the desktop's theme, newest release", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

