# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'guest_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_GuestEditor(object):
    def setupUi(self, GuestEditor):
        if not GuestEditor.objectName():
            GuestEditor.setObjectName(u"GuestEditor")
        GuestEditor.resize(780, 680)
        self.dialogLayout = QVBoxLayout(GuestEditor)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(GuestEditor)
        self.tabs.setObjectName(u"tabs")
        self.systemTab = QWidget()
        self.systemTab.setObjectName(u"systemTab")
        self.systemLayout = QGridLayout(self.systemTab)
        self.systemLayout.setObjectName(u"systemLayout")
        self.nameLabel = QLabel(self.systemTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.systemLayout.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.systemTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.systemLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.osLabel = QLabel(self.systemTab)
        self.osLabel.setObjectName(u"osLabel")

        self.systemLayout.addWidget(self.osLabel, 1, 0, 1, 1)

        self.osEdit = QLineEdit(self.systemTab)
        self.osEdit.setObjectName(u"osEdit")
        self.osEdit.setClearButtonEnabled(True)

        self.systemLayout.addWidget(self.osEdit, 1, 1, 1, 1)

        self.osFeedback = QLabel(self.systemTab)
        self.osFeedback.setObjectName(u"osFeedback")
        self.osFeedback.setWordWrap(True)
        self.osFeedback.setTextFormat(Qt.TextFormat.RichText)

        self.systemLayout.addWidget(self.osFeedback, 2, 1, 1, 1)

        self.bitsLabel = QLabel(self.systemTab)
        self.bitsLabel.setObjectName(u"bitsLabel")

        self.systemLayout.addWidget(self.bitsLabel, 3, 0, 1, 1)

        self.bitsCombo = QComboBox(self.systemTab)
        self.bitsCombo.setObjectName(u"bitsCombo")

        self.systemLayout.addWidget(self.bitsCombo, 3, 1, 1, 1)

        self.vcpusLabel = QLabel(self.systemTab)
        self.vcpusLabel.setObjectName(u"vcpusLabel")

        self.systemLayout.addWidget(self.vcpusLabel, 4, 0, 1, 1)

        self.vcpusEditLayout = QHBoxLayout()
        self.vcpusEditLayout.setObjectName(u"vcpusEditLayout")
        self.vcpusEdit = QLineEdit(self.systemTab)
        self.vcpusEdit.setObjectName(u"vcpusEdit")
        self.vcpusEdit.setMaximumSize(QSize(120, 16777215))

        self.vcpusEditLayout.addWidget(self.vcpusEdit)

        self.vcpusEditMark = QLabel(self.systemTab)
        self.vcpusEditMark.setObjectName(u"vcpusEditMark")
        self.vcpusEditMark.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.vcpusEditMark.sizePolicy().hasHeightForWidth())
        self.vcpusEditMark.setSizePolicy(sizePolicy)

        self.vcpusEditLayout.addWidget(self.vcpusEditMark)


        self.systemLayout.addLayout(self.vcpusEditLayout, 4, 1, 1, 1)

        self.memoryLabel = QLabel(self.systemTab)
        self.memoryLabel.setObjectName(u"memoryLabel")

        self.systemLayout.addWidget(self.memoryLabel, 5, 0, 1, 1)

        self.memoryEditLayout = QHBoxLayout()
        self.memoryEditLayout.setObjectName(u"memoryEditLayout")
        self.memoryEdit = QLineEdit(self.systemTab)
        self.memoryEdit.setObjectName(u"memoryEdit")
        self.memoryEdit.setMaximumSize(QSize(160, 16777215))

        self.memoryEditLayout.addWidget(self.memoryEdit)

        self.memoryEditMark = QLabel(self.systemTab)
        self.memoryEditMark.setObjectName(u"memoryEditMark")
        self.memoryEditMark.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.memoryEditMark.sizePolicy().hasHeightForWidth())
        self.memoryEditMark.setSizePolicy(sizePolicy)

        self.memoryEditLayout.addWidget(self.memoryEditMark)


        self.systemLayout.addLayout(self.memoryEditLayout, 5, 1, 1, 1)

        self.createdLabel = QLabel(self.systemTab)
        self.createdLabel.setObjectName(u"createdLabel")

        self.systemLayout.addWidget(self.createdLabel, 6, 0, 1, 1)

        self.createdCombo = QComboBox(self.systemTab)
        self.createdCombo.setObjectName(u"createdCombo")
        self.createdCombo.setEditable(True)

        self.systemLayout.addWidget(self.createdCombo, 6, 1, 1, 1)

        self.clockLabel = QLabel(self.systemTab)
        self.clockLabel.setObjectName(u"clockLabel")

        self.systemLayout.addWidget(self.clockLabel, 7, 0, 1, 1)

        self.clockCombo = QComboBox(self.systemTab)
        self.clockCombo.setObjectName(u"clockCombo")

        self.systemLayout.addWidget(self.clockCombo, 7, 1, 1, 1)

        self.ntpLabel = QLabel(self.systemTab)
        self.ntpLabel.setObjectName(u"ntpLabel")

        self.systemLayout.addWidget(self.ntpLabel, 8, 0, 1, 1)

        self.ntpCombo = QComboBox(self.systemTab)
        self.ntpCombo.setObjectName(u"ntpCombo")

        self.systemLayout.addWidget(self.ntpCombo, 8, 1, 1, 1)

        self.bootLabel = QLabel(self.systemTab)
        self.bootLabel.setObjectName(u"bootLabel")

        self.systemLayout.addWidget(self.bootLabel, 9, 0, 1, 1)

        self.bootEdit = QLineEdit(self.systemTab)
        self.bootEdit.setObjectName(u"bootEdit")

        self.systemLayout.addWidget(self.bootEdit, 9, 1, 1, 1)

        self.systemSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.systemLayout.addItem(self.systemSpacer, 10, 0, 1, 1)

        self.tabs.addTab(self.systemTab, "")
        self.storageTab = QWidget()
        self.storageTab.setObjectName(u"storageTab")
        self.storageLayout = QVBoxLayout(self.storageTab)
        self.storageLayout.setObjectName(u"storageLayout")
        self.diskLabel = QLabel(self.storageTab)
        self.diskLabel.setObjectName(u"diskLabel")

        self.storageLayout.addWidget(self.diskLabel)

        self.diskTable = QTableWidget(self.storageTab)
        self.diskTable.setObjectName(u"diskTable")
        self.diskTable.setAlternatingRowColors(True)
        self.diskTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.storageLayout.addWidget(self.diskTable)

        self.diskButtons = QHBoxLayout()
        self.diskButtons.setObjectName(u"diskButtons")
        self.addDiskButton = QPushButton(self.storageTab)
        self.addDiskButton.setObjectName(u"addDiskButton")

        self.diskButtons.addWidget(self.addDiskButton)

        self.removeDiskButton = QPushButton(self.storageTab)
        self.removeDiskButton.setObjectName(u"removeDiskButton")

        self.diskButtons.addWidget(self.removeDiskButton)

        self.diskSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.diskButtons.addItem(self.diskSpacer)


        self.storageLayout.addLayout(self.diskButtons)

        self.nicLabel = QLabel(self.storageTab)
        self.nicLabel.setObjectName(u"nicLabel")

        self.storageLayout.addWidget(self.nicLabel)

        self.nicTable = QTableWidget(self.storageTab)
        self.nicTable.setObjectName(u"nicTable")
        self.nicTable.setAlternatingRowColors(True)
        self.nicTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.storageLayout.addWidget(self.nicTable)

        self.nicButtons = QHBoxLayout()
        self.nicButtons.setObjectName(u"nicButtons")
        self.addNicButton = QPushButton(self.storageTab)
        self.addNicButton.setObjectName(u"addNicButton")

        self.nicButtons.addWidget(self.addNicButton)

        self.removeNicButton = QPushButton(self.storageTab)
        self.removeNicButton.setObjectName(u"removeNicButton")

        self.nicButtons.addWidget(self.removeNicButton)

        self.nicSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nicButtons.addItem(self.nicSpacer)


        self.storageLayout.addLayout(self.nicButtons)

        self.tabs.addTab(self.storageTab, "")
        self.devicesTab = QWidget()
        self.devicesTab.setObjectName(u"devicesTab")
        self.devicesLayout = QVBoxLayout(self.devicesTab)
        self.devicesLayout.setObjectName(u"devicesLayout")
        self.videoLayout = QFormLayout()
        self.videoLayout.setObjectName(u"videoLayout")
        self.videoLabel = QLabel(self.devicesTab)
        self.videoLabel.setObjectName(u"videoLabel")

        self.videoLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.videoLabel)

        self.videoCombo = QComboBox(self.devicesTab)
        self.videoCombo.setObjectName(u"videoCombo")
        self.videoCombo.setEditable(True)

        self.videoLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.videoCombo)


        self.devicesLayout.addLayout(self.videoLayout)

        self.devicesGroup = QGroupBox(self.devicesTab)
        self.devicesGroup.setObjectName(u"devicesGroup")
        self.devicesGrid = QGridLayout(self.devicesGroup)
        self.devicesGrid.setObjectName(u"devicesGrid")
        self.soundCheck = QCheckBox(self.devicesGroup)
        self.soundCheck.setObjectName(u"soundCheck")

        self.devicesGrid.addWidget(self.soundCheck, 0, 0, 1, 1)

        self.usbHostCheck = QCheckBox(self.devicesGroup)
        self.usbHostCheck.setObjectName(u"usbHostCheck")

        self.devicesGrid.addWidget(self.usbHostCheck, 0, 1, 1, 1)

        self.pciDeviceCheck = QCheckBox(self.devicesGroup)
        self.pciDeviceCheck.setObjectName(u"pciDeviceCheck")

        self.devicesGrid.addWidget(self.pciDeviceCheck, 0, 2, 1, 1)

        self.tabletCheck = QCheckBox(self.devicesGroup)
        self.tabletCheck.setObjectName(u"tabletCheck")

        self.devicesGrid.addWidget(self.tabletCheck, 1, 0, 1, 1)

        self.mouseCheck = QCheckBox(self.devicesGroup)
        self.mouseCheck.setObjectName(u"mouseCheck")

        self.devicesGrid.addWidget(self.mouseCheck, 1, 1, 1, 1)

        self.otherDevicesEdit = QLineEdit(self.devicesGroup)
        self.otherDevicesEdit.setObjectName(u"otherDevicesEdit")

        self.devicesGrid.addWidget(self.otherDevicesEdit, 2, 0, 1, 3)


        self.devicesLayout.addWidget(self.devicesGroup)

        self.featuresGroup = QGroupBox(self.devicesTab)
        self.featuresGroup.setObjectName(u"featuresGroup")
        self.featuresGrid = QGridLayout(self.featuresGroup)
        self.featuresGrid.setObjectName(u"featuresGrid")
        self.liveMigrationCheck = QCheckBox(self.featuresGroup)
        self.liveMigrationCheck.setObjectName(u"liveMigrationCheck")

        self.featuresGrid.addWidget(self.liveMigrationCheck, 0, 0, 1, 1)

        self.pciPassthroughCheck = QCheckBox(self.featuresGroup)
        self.pciPassthroughCheck.setObjectName(u"pciPassthroughCheck")

        self.featuresGrid.addWidget(self.pciPassthroughCheck, 0, 1, 1, 1)

        self.ballooningCheck = QCheckBox(self.featuresGroup)
        self.ballooningCheck.setObjectName(u"ballooningCheck")

        self.featuresGrid.addWidget(self.ballooningCheck, 0, 2, 1, 1)

        self.ksmCheck = QCheckBox(self.featuresGroup)
        self.ksmCheck.setObjectName(u"ksmCheck")

        self.featuresGrid.addWidget(self.ksmCheck, 1, 0, 1, 1)

        self.cpuHotplugCheck = QCheckBox(self.featuresGroup)
        self.cpuHotplugCheck.setObjectName(u"cpuHotplugCheck")

        self.featuresGrid.addWidget(self.cpuHotplugCheck, 1, 1, 1, 1)

        self.deviceHotplugCheck = QCheckBox(self.featuresGroup)
        self.deviceHotplugCheck.setObjectName(u"deviceHotplugCheck")

        self.featuresGrid.addWidget(self.deviceHotplugCheck, 1, 2, 1, 1)

        self.qemuOnlyCheck = QCheckBox(self.featuresGroup)
        self.qemuOnlyCheck.setObjectName(u"qemuOnlyCheck")

        self.featuresGrid.addWidget(self.qemuOnlyCheck, 2, 0, 1, 1)

        self.balloonLayout = QFormLayout()
        self.balloonLayout.setObjectName(u"balloonLayout")
        self.balloonLabel = QLabel(self.featuresGroup)
        self.balloonLabel.setObjectName(u"balloonLabel")

        self.balloonLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.balloonLabel)

        self.balloonCombo = QComboBox(self.featuresGroup)
        self.balloonCombo.setObjectName(u"balloonCombo")

        self.balloonLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.balloonCombo)


        self.featuresGrid.addLayout(self.balloonLayout, 3, 0, 1, 3)


        self.devicesLayout.addWidget(self.featuresGroup)

        self.migrationGroup = QGroupBox(self.devicesTab)
        self.migrationGroup.setObjectName(u"migrationGroup")
        self.migrationLayout = QGridLayout(self.migrationGroup)
        self.migrationLayout.setObjectName(u"migrationLayout")
        self.sameHostTypeComboLabel = QLabel(self.migrationGroup)
        self.sameHostTypeComboLabel.setObjectName(u"sameHostTypeComboLabel")

        self.migrationLayout.addWidget(self.sameHostTypeComboLabel, 0, 0, 1, 1)

        self.sameHostTypeCombo = QComboBox(self.migrationGroup)
        self.sameHostTypeCombo.setObjectName(u"sameHostTypeCombo")

        self.migrationLayout.addWidget(self.sameHostTypeCombo, 0, 1, 1, 1)

        self.sharedStorageComboLabel = QLabel(self.migrationGroup)
        self.sharedStorageComboLabel.setObjectName(u"sharedStorageComboLabel")

        self.migrationLayout.addWidget(self.sharedStorageComboLabel, 1, 0, 1, 1)

        self.sharedStorageCombo = QComboBox(self.migrationGroup)
        self.sharedStorageCombo.setObjectName(u"sharedStorageCombo")

        self.migrationLayout.addWidget(self.sharedStorageCombo, 1, 1, 1, 1)

        self.timekeepingComboLabel = QLabel(self.migrationGroup)
        self.timekeepingComboLabel.setObjectName(u"timekeepingComboLabel")

        self.migrationLayout.addWidget(self.timekeepingComboLabel, 2, 0, 1, 1)

        self.timekeepingCombo = QComboBox(self.migrationGroup)
        self.timekeepingCombo.setObjectName(u"timekeepingCombo")

        self.migrationLayout.addWidget(self.timekeepingCombo, 2, 1, 1, 1)

        self.compatibleComboLabel = QLabel(self.migrationGroup)
        self.compatibleComboLabel.setObjectName(u"compatibleComboLabel")

        self.migrationLayout.addWidget(self.compatibleComboLabel, 3, 0, 1, 1)

        self.compatibleCombo = QComboBox(self.migrationGroup)
        self.compatibleCombo.setObjectName(u"compatibleCombo")

        self.migrationLayout.addWidget(self.compatibleCombo, 3, 1, 1, 1)


        self.devicesLayout.addWidget(self.migrationGroup)

        self.devicesSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.devicesLayout.addItem(self.devicesSpacer)

        self.tabs.addTab(self.devicesTab, "")
        self.monitorTab = QWidget()
        self.monitorTab.setObjectName(u"monitorTab")
        self.monitorLayout = QVBoxLayout(self.monitorTab)
        self.monitorLayout.setObjectName(u"monitorLayout")
        self.monitorLabel = QLabel(self.monitorTab)
        self.monitorLabel.setObjectName(u"monitorLabel")
        self.monitorLabel.setWordWrap(True)

        self.monitorLayout.addWidget(self.monitorLabel)

        self.monitorEdit = QPlainTextEdit(self.monitorTab)
        self.monitorEdit.setObjectName(u"monitorEdit")

        self.monitorLayout.addWidget(self.monitorEdit)

        self.tabs.addTab(self.monitorTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.feedbackLabel = QLabel(GuestEditor)
        self.feedbackLabel.setObjectName(u"feedbackLabel")

        self.dialogLayout.addWidget(self.feedbackLabel)

        self.feedbackList = QListWidget(GuestEditor)
        self.feedbackList.setObjectName(u"feedbackList")
        self.feedbackList.setMinimumSize(QSize(0, 110))
        self.feedbackList.setIconSize(QSize(20, 20))
        self.feedbackList.setWordWrap(True)
        self.feedbackList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.dialogLayout.addWidget(self.feedbackList)

        self.buttonBox = QDialogButtonBox(GuestEditor)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        self.dialogLayout.setStretch(0, 3)
        self.dialogLayout.setStretch(2, 2)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.osLabel.setBuddy(self.osEdit)
        self.bitsLabel.setBuddy(self.bitsCombo)
        self.vcpusLabel.setBuddy(self.vcpusEdit)
        self.memoryLabel.setBuddy(self.memoryEdit)
        self.createdLabel.setBuddy(self.createdCombo)
        self.clockLabel.setBuddy(self.clockCombo)
        self.ntpLabel.setBuddy(self.ntpCombo)
        self.bootLabel.setBuddy(self.bootEdit)
        self.videoLabel.setBuddy(self.videoCombo)
        self.balloonLabel.setBuddy(self.balloonCombo)
        self.sameHostTypeComboLabel.setBuddy(self.sameHostTypeCombo)
        self.sharedStorageComboLabel.setBuddy(self.sharedStorageCombo)
        self.timekeepingComboLabel.setBuddy(self.timekeepingCombo)
        self.compatibleComboLabel.setBuddy(self.compatibleCombo)
        self.monitorLabel.setBuddy(self.monitorEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.osEdit)
        QWidget.setTabOrder(self.osEdit, self.bitsCombo)
        QWidget.setTabOrder(self.bitsCombo, self.vcpusEdit)
        QWidget.setTabOrder(self.vcpusEdit, self.memoryEdit)

        self.retranslateUi(GuestEditor)
        self.buttonBox.accepted.connect(GuestEditor.accept)
        self.buttonBox.rejected.connect(GuestEditor.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(GuestEditor)
    # setupUi

    def retranslateUi(self, GuestEditor):
        GuestEditor.setWindowTitle(QCoreApplication.translate("GuestEditor", u"Guest", None))
        self.nameLabel.setText(QCoreApplication.translate("GuestEditor", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"e.g. web01 (as in virsh list)", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Guest name", None))
#endif // QT_CONFIG(accessibility)
        self.osLabel.setText(QCoreApplication.translate("GuestEditor", u"&Operating system:", None))
        self.osEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"e.g. Windows Server 2008 R2 SP1 x64, SLES 11 SP1, RHEL 5.5", None))
#if QT_CONFIG(accessibility)
        self.osEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Guest operating system", None))
#endif // QT_CONFIG(accessibility)
        self.osFeedback.setText("")
#if QT_CONFIG(accessibility)
        self.osFeedback.setAccessibleName(QCoreApplication.translate("GuestEditor", u"What the guest OS table says", None))
#endif // QT_CONFIG(accessibility)
        self.bitsLabel.setText(QCoreApplication.translate("GuestEditor", u"&Bits:", None))
#if QT_CONFIG(accessibility)
        self.bitsCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Guest bits", None))
#endif // QT_CONFIG(accessibility)
        self.vcpusLabel.setText(QCoreApplication.translate("GuestEditor", u"&vCPUs:", None))
        self.vcpusEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"Unknown", None))
#if QT_CONFIG(accessibility)
        self.vcpusEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Virtual CPUs", None))
#endif // QT_CONFIG(accessibility)
        self.vcpusEditMark.setText("")
        self.memoryLabel.setText(QCoreApplication.translate("GuestEditor", u"&Memory:", None))
        self.memoryEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"Unknown (MB, or 8 GB)", None))
#if QT_CONFIG(tooltip)
        self.memoryEdit.setToolTip(QCoreApplication.translate("GuestEditor", u"8 GB, 8G, 8192 MiB or 8192: a number without a unit is MB (as qemu-kvm -m reads it)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.memoryEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Memory (a number without a unit is MB)", None))
#endif // QT_CONFIG(accessibility)
        self.memoryEditMark.setText("")
        self.createdLabel.setText(QCoreApplication.translate("GuestEditor", u"Image &created with:", None))
#if QT_CONFIG(accessibility)
        self.createdCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Release the guest image was created with", None))
#endif // QT_CONFIG(accessibility)
        self.clockLabel.setText(QCoreApplication.translate("GuestEditor", u"C&lock source:", None))
#if QT_CONFIG(accessibility)
        self.clockCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Guest clock source", None))
#endif // QT_CONFIG(accessibility)
        self.ntpLabel.setText(QCoreApplication.translate("GuestEditor", u"N&TP in the guest:", None))
#if QT_CONFIG(accessibility)
        self.ntpCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"NTP runs in the guest", None))
#endif // QT_CONFIG(accessibility)
        self.bootLabel.setText(QCoreApplication.translate("GuestEditor", u"Kernel &boot options:", None))
        self.bootEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"Unknown (the guest's kernel command line, e.g. clock=pmtmr)", None))
#if QT_CONFIG(accessibility)
        self.bootEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Guest kernel boot options", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.systemTab), QCoreApplication.translate("GuestEditor", u"S&ystem", None))
        self.diskLabel.setText(QCoreApplication.translate("GuestEditor", u"Disks (leave a cell empty when it is not known):", None))
#if QT_CONFIG(accessibility)
        self.diskTable.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Disks of the guest", None))
#endif // QT_CONFIG(accessibility)
        self.addDiskButton.setText(QCoreApplication.translate("GuestEditor", u"Add disk", None))
        self.removeDiskButton.setText(QCoreApplication.translate("GuestEditor", u"Remove disk", None))
        self.nicLabel.setText(QCoreApplication.translate("GuestEditor", u"Network interfaces:", None))
#if QT_CONFIG(accessibility)
        self.nicTable.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Network interfaces of the guest", None))
#endif // QT_CONFIG(accessibility)
        self.addNicButton.setText(QCoreApplication.translate("GuestEditor", u"Add NIC", None))
        self.removeNicButton.setText(QCoreApplication.translate("GuestEditor", u"Remove NIC", None))
        self.tabs.setTabText(self.tabs.indexOf(self.storageTab), QCoreApplication.translate("GuestEditor", u"D&isks and NICs", None))
        self.videoLabel.setText(QCoreApplication.translate("GuestEditor", u"&Video adapter:", None))
#if QT_CONFIG(accessibility)
        self.videoCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Video adapter", None))
#endif // QT_CONFIG(accessibility)
        self.devicesGroup.setTitle(QCoreApplication.translate("GuestEditor", u"Devices", None))
        self.soundCheck.setText(QCoreApplication.translate("GuestEditor", u"&Sound card", None))
        self.usbHostCheck.setText(QCoreApplication.translate("GuestEditor", u"Physical &USB device (usb-host)", None))
        self.pciDeviceCheck.setText(QCoreApplication.translate("GuestEditor", u"Assigned &PCI device", None))
        self.tabletCheck.setText(QCoreApplication.translate("GuestEditor", u"USB &tablet", None))
        self.mouseCheck.setText(QCoreApplication.translate("GuestEditor", u"USB &mouse", None))
        self.otherDevicesEdit.setPlaceholderText(QCoreApplication.translate("GuestEditor", u"Other devices, separated by commas (e.g. isa-serial, virtio-balloon-pci)", None))
#if QT_CONFIG(accessibility)
        self.otherDevicesEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Other devices", None))
#endif // QT_CONFIG(accessibility)
        self.featuresGroup.setTitle(QCoreApplication.translate("GuestEditor", u"Features the guest relies on", None))
        self.liveMigrationCheck.setText(QCoreApplication.translate("GuestEditor", u"&Live migration", None))
        self.pciPassthroughCheck.setText(QCoreApplication.translate("GuestEditor", u"PCI pass&through", None))
        self.ballooningCheck.setText(QCoreApplication.translate("GuestEditor", u"Memory ba&llooning", None))
        self.ksmCheck.setText(QCoreApplication.translate("GuestEditor", u"&KSM", None))
        self.cpuHotplugCheck.setText(QCoreApplication.translate("GuestEditor", u"&CPU hotplug", None))
        self.deviceHotplugCheck.setText(QCoreApplication.translate("GuestEditor", u"&Device hotplug", None))
        self.qemuOnlyCheck.setText(QCoreApplication.translate("GuestEditor", u"&Qemu-only mode (-no-kvm)", None))
        self.balloonLabel.setText(QCoreApplication.translate("GuestEditor", u"&Balloon driver in the guest:", None))
#if QT_CONFIG(accessibility)
        self.balloonCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Balloon driver in the guest", None))
#endif // QT_CONFIG(accessibility)
        self.migrationGroup.setTitle(QCoreApplication.translate("GuestEditor", u"Live migration prerequisites", None))
        self.sameHostTypeComboLabel.setText(QCoreApplication.translate("GuestEditor", u"Same host &type at both ends:", None))
#if QT_CONFIG(accessibility)
        self.sameHostTypeCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Same host type at both ends", None))
#endif // QT_CONFIG(accessibility)
        self.sharedStorageComboLabel.setText(QCoreApplication.translate("GuestEditor", u"Shared &storage:", None))
#if QT_CONFIG(accessibility)
        self.sharedStorageCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Shared storage", None))
#endif // QT_CONFIG(accessibility)
        self.timekeepingComboLabel.setText(QCoreApplication.translate("GuestEditor", u"Timekeeping &controlled:", None))
#if QT_CONFIG(accessibility)
        self.timekeepingCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Timekeeping controlled", None))
#endif // QT_CONFIG(accessibility)
        self.compatibleComboLabel.setText(QCoreApplication.translate("GuestEditor", u"Compatible guest &definition:", None))
#if QT_CONFIG(accessibility)
        self.compatibleCombo.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Compatible guest definition", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.devicesTab), QCoreApplication.translate("GuestEditor", u"Devices and &features", None))
        self.monitorLabel.setText(QCoreApplication.translate("GuestEditor", u"Monitor commands the customer uses on this guest, one per line (e.g. savevm, info status):", None))
#if QT_CONFIG(accessibility)
        self.monitorEdit.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Monitor commands", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.monitorTab), QCoreApplication.translate("GuestEditor", u"&Monitor", None))
        self.feedbackLabel.setText(QCoreApplication.translate("GuestEditor", u"What the statement says about this guest so far:", None))
#if QT_CONFIG(accessibility)
        self.feedbackList.setAccessibleName(QCoreApplication.translate("GuestEditor", u"Live check of this guest", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

