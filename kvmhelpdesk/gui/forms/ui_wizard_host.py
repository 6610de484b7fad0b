# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_host.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget, QWizardPage)

class Ui_HostPage(object):
    def setupUi(self, HostPage):
        if not HostPage.objectName():
            HostPage.setObjectName(u"HostPage")
        HostPage.resize(900, 600)
        self.pageLayout = QVBoxLayout(HostPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.answersScroll = QScrollArea(HostPage)
        self.answersScroll.setObjectName(u"answersScroll")
        self.answersScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.answersScroll.setWidgetResizable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(3)
        sizePolicy.setHeightForWidth(self.answersScroll.sizePolicy().hasHeightForWidth())
        self.answersScroll.setSizePolicy(sizePolicy)
        self.answersWidget = QWidget()
        self.answersWidget.setObjectName(u"answersWidget")
        self.answersLayout = QVBoxLayout(self.answersWidget)
        self.answersLayout.setObjectName(u"answersLayout")
        self.answersLayout.setContentsMargins(0, 0, 0, 0)
        self.releaseLayout = QFormLayout()
        self.releaseLayout.setObjectName(u"releaseLayout")
        self.releaseLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.osComboLabel = QLabel(self.answersWidget)
        self.osComboLabel.setObjectName(u"osComboLabel")

        self.releaseLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.osComboLabel)

        self.osCombo = QComboBox(self.answersWidget)
        self.osCombo.setObjectName(u"osCombo")
        self.osCombo.setEditable(True)

        self.releaseLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.osCombo)

        self.osComboMark = QLabel(self.answersWidget)
        self.osComboMark.setObjectName(u"osComboMark")
        self.osComboMark.setTextFormat(Qt.TextFormat.RichText)
        self.osComboMark.setWordWrap(True)

        self.releaseLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.osComboMark)


        self.answersLayout.addLayout(self.releaseLayout)

        self.groupsLayout = QHBoxLayout()
        self.groupsLayout.setObjectName(u"groupsLayout")
        self.hardwareGroup = QGroupBox(self.answersWidget)
        self.hardwareGroup.setObjectName(u"hardwareGroup")
        self.hardwareGroupLayout = QFormLayout(self.hardwareGroup)
        self.hardwareGroupLayout.setObjectName(u"hardwareGroupLayout")
        self.hardwareGroupLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.archComboLabel = QLabel(self.hardwareGroup)
        self.archComboLabel.setObjectName(u"archComboLabel")

        self.hardwareGroupLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.archComboLabel)

        self.archCombo = QComboBox(self.hardwareGroup)
        self.archCombo.setObjectName(u"archCombo")
        self.archCombo.setEditable(True)

        self.hardwareGroupLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.archCombo)

        self.vendorComboLabel = QLabel(self.hardwareGroup)
        self.vendorComboLabel.setObjectName(u"vendorComboLabel")

        self.hardwareGroupLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.vendorComboLabel)

        self.vendorCombo = QComboBox(self.hardwareGroup)
        self.vendorCombo.setObjectName(u"vendorCombo")

        self.hardwareGroupLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.vendorCombo)

        self.coresEditLabel = QLabel(self.hardwareGroup)
        self.coresEditLabel.setObjectName(u"coresEditLabel")

        self.hardwareGroupLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coresEditLabel)

        self.coresEdit = QLineEdit(self.hardwareGroup)
        self.coresEdit.setObjectName(u"coresEdit")

        self.hardwareGroupLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coresEdit)

        self.hwvirtComboLabel = QLabel(self.hardwareGroup)
        self.hwvirtComboLabel.setObjectName(u"hwvirtComboLabel")

        self.hardwareGroupLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hwvirtComboLabel)

        self.hwvirtCombo = QComboBox(self.hardwareGroup)
        self.hwvirtCombo.setObjectName(u"hwvirtCombo")

        self.hardwareGroupLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hwvirtCombo)

        self.eptComboLabel = QLabel(self.hardwareGroup)
        self.eptComboLabel.setObjectName(u"eptComboLabel")

        self.hardwareGroupLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.eptComboLabel)

        self.eptCombo = QComboBox(self.hardwareGroup)
        self.eptCombo.setObjectName(u"eptCombo")

        self.hardwareGroupLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.eptCombo)

        self.iommuComboLabel = QLabel(self.hardwareGroup)
        self.iommuComboLabel.setObjectName(u"iommuComboLabel")

        self.hardwareGroupLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.iommuComboLabel)

        self.iommuCombo = QComboBox(self.hardwareGroup)
        self.iommuCombo.setObjectName(u"iommuCombo")

        self.hardwareGroupLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.iommuCombo)

        self.numaEditLabel = QLabel(self.hardwareGroup)
        self.numaEditLabel.setObjectName(u"numaEditLabel")

        self.hardwareGroupLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.numaEditLabel)

        self.numaEdit = QLineEdit(self.hardwareGroup)
        self.numaEdit.setObjectName(u"numaEdit")

        self.hardwareGroupLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.numaEdit)

        self.tscComboLabel = QLabel(self.hardwareGroup)
        self.tscComboLabel.setObjectName(u"tscComboLabel")

        self.hardwareGroupLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.tscComboLabel)

        self.tscCombo = QComboBox(self.hardwareGroup)
        self.tscCombo.setObjectName(u"tscCombo")

        self.hardwareGroupLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.tscCombo)


        self.groupsLayout.addWidget(self.hardwareGroup)

        self.kernelGroup = QGroupBox(self.answersWidget)
        self.kernelGroup.setObjectName(u"kernelGroup")
        self.kernelGroupLayout = QFormLayout(self.kernelGroup)
        self.kernelGroupLayout.setObjectName(u"kernelGroupLayout")
        self.kernelGroupLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.modulesComboLabel = QLabel(self.kernelGroup)
        self.modulesComboLabel.setObjectName(u"modulesComboLabel")

        self.kernelGroupLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.modulesComboLabel)

        self.modulesCombo = QComboBox(self.kernelGroup)
        self.modulesCombo.setObjectName(u"modulesCombo")

        self.kernelGroupLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.modulesCombo)

        self.moduleParamsComboLabel = QLabel(self.kernelGroup)
        self.moduleParamsComboLabel.setObjectName(u"moduleParamsComboLabel")

        self.kernelGroupLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.moduleParamsComboLabel)

        self.moduleParamsCombo = QComboBox(self.kernelGroup)
        self.moduleParamsCombo.setObjectName(u"moduleParamsCombo")

        self.kernelGroupLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.moduleParamsCombo)

        self.cmdlineEditLabel = QLabel(self.kernelGroup)
        self.cmdlineEditLabel.setObjectName(u"cmdlineEditLabel")

        self.kernelGroupLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cmdlineEditLabel)

        self.cmdlineEdit = QLineEdit(self.kernelGroup)
        self.cmdlineEdit.setObjectName(u"cmdlineEdit")

        self.kernelGroupLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cmdlineEdit)

        self.ksmComboLabel = QLabel(self.kernelGroup)
        self.ksmComboLabel.setObjectName(u"ksmComboLabel")

        self.kernelGroupLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ksmComboLabel)

        self.ksmCombo = QComboBox(self.kernelGroup)
        self.ksmCombo.setObjectName(u"ksmCombo")

        self.kernelGroupLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ksmCombo)

        self.ntpComboLabel = QLabel(self.kernelGroup)
        self.ntpComboLabel.setObjectName(u"ntpComboLabel")

        self.kernelGroupLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ntpComboLabel)

        self.ntpCombo = QComboBox(self.kernelGroup)
        self.ntpCombo.setObjectName(u"ntpCombo")

        self.kernelGroupLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ntpCombo)

        self.suspendComboLabel = QLabel(self.kernelGroup)
        self.suspendComboLabel.setObjectName(u"suspendComboLabel")

        self.kernelGroupLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.suspendComboLabel)

        self.suspendCombo = QComboBox(self.kernelGroup)
        self.suspendCombo.setObjectName(u"suspendCombo")

        self.kernelGroupLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.suspendCombo)

        self.powerComboLabel = QLabel(self.kernelGroup)
        self.powerComboLabel.setObjectName(u"powerComboLabel")

        self.kernelGroupLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.powerComboLabel)

        self.powerCombo = QComboBox(self.kernelGroup)
        self.powerCombo.setObjectName(u"powerCombo")

        self.kernelGroupLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.powerCombo)


        self.groupsLayout.addWidget(self.kernelGroup)


        self.answersLayout.addLayout(self.groupsLayout)

        self.managementGroup = QGroupBox(self.answersWidget)
        self.managementGroup.setObjectName(u"managementGroup")
        self.managementGroupLayout = QFormLayout(self.managementGroup)
        self.managementGroupLayout.setObjectName(u"managementGroupLayout")
        self.managementGroupLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.toolsLabel = QLabel(self.managementGroup)
        self.toolsLabel.setObjectName(u"toolsLabel")

        self.managementGroupLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toolsLabel)

        self.toolsLayout = QHBoxLayout()
        self.toolsLayout.setObjectName(u"toolsLayout")
        self.vmInstallCheck = QCheckBox(self.managementGroup)
        self.vmInstallCheck.setObjectName(u"vmInstallCheck")

        self.toolsLayout.addWidget(self.vmInstallCheck)

        self.virtManagerCheck = QCheckBox(self.managementGroup)
        self.virtManagerCheck.setObjectName(u"virtManagerCheck")

        self.toolsLayout.addWidget(self.virtManagerCheck)

        self.virshCheck = QCheckBox(self.managementGroup)
        self.virshCheck.setObjectName(u"virshCheck")

        self.toolsLayout.addWidget(self.virshCheck)

        self.qemuDirectCheck = QCheckBox(self.managementGroup)
        self.qemuDirectCheck.setObjectName(u"qemuDirectCheck")

        self.toolsLayout.addWidget(self.qemuDirectCheck)

        self.toolsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolsLayout.addItem(self.toolsSpacer)


        self.managementGroupLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.toolsLayout)

        self.virshUsageComboLabel = QLabel(self.managementGroup)
        self.virshUsageComboLabel.setObjectName(u"virshUsageComboLabel")

        self.managementGroupLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.virshUsageComboLabel)

        self.virshUsageCombo = QComboBox(self.managementGroup)
        self.virshUsageCombo.setObjectName(u"virshUsageCombo")

        self.managementGroupLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.virshUsageCombo)

        self.qemuUserComboLabel = QLabel(self.managementGroup)
        self.qemuUserComboLabel.setObjectName(u"qemuUserComboLabel")

        self.managementGroupLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.qemuUserComboLabel)

        self.qemuUserCombo = QComboBox(self.managementGroup)
        self.qemuUserCombo.setObjectName(u"qemuUserCombo")

        self.managementGroupLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.qemuUserCombo)


        self.answersLayout.addWidget(self.managementGroup)

        self.answersScroll.setWidget(self.answersWidget)

        self.pageLayout.addWidget(self.answersScroll)

        self.feedbackLabel = QLabel(HostPage)
        self.feedbackLabel.setObjectName(u"feedbackLabel")

        self.pageLayout.addWidget(self.feedbackLabel)

        self.feedbackList = QListWidget(HostPage)
        self.feedbackList.setObjectName(u"feedbackList")
        self.feedbackList.setMinimumSize(QSize(0, 90))
        self.feedbackList.setWordWrap(True)
        self.feedbackList.setIconSize(QSize(20, 20))
        self.feedbackList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.pageLayout.addWidget(self.feedbackList)

        self.pageLayout.setStretch(0, 3)
        self.pageLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.osComboLabel.setBuddy(self.osCombo)
        self.archComboLabel.setBuddy(self.archCombo)
        self.vendorComboLabel.setBuddy(self.vendorCombo)
        self.coresEditLabel.setBuddy(self.coresEdit)
        self.hwvirtComboLabel.setBuddy(self.hwvirtCombo)
        self.eptComboLabel.setBuddy(self.eptCombo)
        self.iommuComboLabel.setBuddy(self.iommuCombo)
        self.numaEditLabel.setBuddy(self.numaEdit)
        self.tscComboLabel.setBuddy(self.tscCombo)
        self.modulesComboLabel.setBuddy(self.modulesCombo)
        self.moduleParamsComboLabel.setBuddy(self.moduleParamsCombo)
        self.cmdlineEditLabel.setBuddy(self.cmdlineEdit)
        self.ksmComboLabel.setBuddy(self.ksmCombo)
        self.ntpComboLabel.setBuddy(self.ntpCombo)
        self.suspendComboLabel.setBuddy(self.suspendCombo)
        self.powerComboLabel.setBuddy(self.powerCombo)
        self.virshUsageComboLabel.setBuddy(self.virshUsageCombo)
        self.qemuUserComboLabel.setBuddy(self.qemuUserCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HostPage)

        QMetaObject.connectSlotsByName(HostPage)
    # setupUi

    def retranslateUi(self, HostPage):
        HostPage.setTitle(QCoreApplication.translate("HostPage", u"The host", None))
        HostPage.setSubTitle(QCoreApplication.translate("HostPage", u"How the customer's KVM host is built and run. Leave what you do not know as \"Unknown\".", None))
#if QT_CONFIG(accessibility)
        self.answersScroll.setAccessibleName(QCoreApplication.translate("HostPage", u"Host answers", None))
#endif // QT_CONFIG(accessibility)
        self.osComboLabel.setText(QCoreApplication.translate("HostPage", u"SLES re&lease of the host:", None))
#if QT_CONFIG(tooltip)
        self.osCombo.setToolTip(QCoreApplication.translate("HostPage", u"/etc/SuSE-release (or /etc/os-release) on the host, e.g. SLES 11 SP1", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.osCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"SLES release of the host", None))
#endif // QT_CONFIG(accessibility)
        self.osComboMark.setText("")
        self.hardwareGroup.setTitle(QCoreApplication.translate("HostPage", u"Hardware", None))
        self.archComboLabel.setText(QCoreApplication.translate("HostPage", u"&Architecture:", None))
#if QT_CONFIG(tooltip)
        self.archCombo.setToolTip(QCoreApplication.translate("HostPage", u"uname -m on the host", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.archCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"Architecture", None))
#endif // QT_CONFIG(accessibility)
        self.vendorComboLabel.setText(QCoreApplication.translate("HostPage", u"CPU &vendor:", None))
#if QT_CONFIG(accessibility)
        self.vendorCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"CPU vendor", None))
#endif // QT_CONFIG(accessibility)
        self.coresEditLabel.setText(QCoreApplication.translate("HostPage", u"CPU &cores:", None))
        self.coresEdit.setPlaceholderText(QCoreApplication.translate("HostPage", u"Unknown", None))
#if QT_CONFIG(tooltip)
        self.coresEdit.setToolTip(QCoreApplication.translate("HostPage", u"Physical CPU cores of the host (for the vCPU total)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.coresEdit.setAccessibleName(QCoreApplication.translate("HostPage", u"CPU cores", None))
#endif // QT_CONFIG(accessibility)
        self.hwvirtComboLabel.setText(QCoreApplication.translate("HostPage", u"&Hardware virtualization:", None))
#if QT_CONFIG(tooltip)
        self.hwvirtCombo.setToolTip(QCoreApplication.translate("HostPage", u"Intel VT-x or AMD-V, in the CPU and the BIOS", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.hwvirtCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"Hardware virtualization", None))
#endif // QT_CONFIG(accessibility)
        self.eptComboLabel.setText(QCoreApplication.translate("HostPage", u"&EPT / NPT:", None))
#if QT_CONFIG(tooltip)
        self.eptCombo.setToolTip(QCoreApplication.translate("HostPage", u"ept (Intel) or npt (AMD) among the flags in /proc/cpuinfo: the statement's 97% CPU figure is for hosts with it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.eptCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"EPT / NPT (nested page tables)", None))
#endif // QT_CONFIG(accessibility)
        self.iommuComboLabel.setText(QCoreApplication.translate("HostPage", u"I&OMMU (VT-d / AMD IOMMU):", None))
#if QT_CONFIG(accessibility)
        self.iommuCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"IOMMU (VT-d / AMD IOMMU)", None))
#endif // QT_CONFIG(accessibility)
        self.numaEditLabel.setText(QCoreApplication.translate("HostPage", u"&NUMA nodes:", None))
        self.numaEdit.setPlaceholderText(QCoreApplication.translate("HostPage", u"Unknown", None))
#if QT_CONFIG(accessibility)
        self.numaEdit.setAccessibleName(QCoreApplication.translate("HostPage", u"NUMA nodes", None))
#endif // QT_CONFIG(accessibility)
        self.tscComboLabel.setText(QCoreApplication.translate("HostPage", u"Constant &TSC:", None))
#if QT_CONFIG(tooltip)
        self.tscCombo.setToolTip(QCoreApplication.translate("HostPage", u"constant_tsc in /proc/cpuinfo", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.tscCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"Constant TSC", None))
#endif // QT_CONFIG(accessibility)
        self.kernelGroup.setTitle(QCoreApplication.translate("HostPage", u"Kernel and power", None))
        self.modulesComboLabel.setText(QCoreApplication.translate("HostPage", u"&kvm modules loaded:", None))
#if QT_CONFIG(tooltip)
        self.modulesCombo.setToolTip(QCoreApplication.translate("HostPage", u"kvm and kvm-intel or kvm-amd in lsmod", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.modulesCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"kvm modules loaded", None))
#endif // QT_CONFIG(accessibility)
        self.moduleParamsComboLabel.setText(QCoreApplication.translate("HostPage", u"kvm module &parameters:", None))
#if QT_CONFIG(accessibility)
        self.moduleParamsCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"kvm module parameters", None))
#endif // QT_CONFIG(accessibility)
        self.cmdlineEditLabel.setText(QCoreApplication.translate("HostPage", u"Kernel co&mmand line:", None))
        self.cmdlineEdit.setPlaceholderText(QCoreApplication.translate("HostPage", u"Unknown (/proc/cmdline)", None))
#if QT_CONFIG(accessibility)
        self.cmdlineEdit.setAccessibleName(QCoreApplication.translate("HostPage", u"Kernel command line", None))
#endif // QT_CONFIG(accessibility)
        self.ksmComboLabel.setText(QCoreApplication.translate("HostPage", u"KS&M on the host:", None))
#if QT_CONFIG(accessibility)
        self.ksmCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"KSM on the host", None))
#endif // QT_CONFIG(accessibility)
        self.ntpComboLabel.setText(QCoreApplication.translate("HostPage", u"NTP on the hos&t:", None))
#if QT_CONFIG(accessibility)
        self.ntpCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"NTP on the host", None))
#endif // QT_CONFIG(accessibility)
        self.suspendComboLabel.setText(QCoreApplication.translate("HostPage", u"S&uspend with guests running:", None))
#if QT_CONFIG(tooltip)
        self.suspendCombo.setToolTip(QCoreApplication.translate("HostPage", u"Is the host suspended or hibernated while guests run?", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.suspendCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"Suspend with guests running", None))
#endif // QT_CONFIG(accessibility)
        self.powerComboLabel.setText(QCoreApplication.translate("HostPage", u"Po&wer-state changes with guests:", None))
#if QT_CONFIG(tooltip)
        self.powerCombo.setToolTip(QCoreApplication.translate("HostPage", u"CPU frequency or power-state changes while guests run", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.powerCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"Power-state changes with guests", None))
#endif // QT_CONFIG(accessibility)
        self.managementGroup.setTitle(QCoreApplication.translate("HostPage", u"Management", None))
        self.toolsLabel.setText(QCoreApplication.translate("HostPage", u"Tools in use:", None))
        self.vmInstallCheck.setText(QCoreApplication.translate("HostPage", u"vm-&install", None))
        self.virtManagerCheck.setText(QCoreApplication.translate("HostPage", u"virt-mana&ger", None))
        self.virshCheck.setText(QCoreApplication.translate("HostPage", u"vi&rsh", None))
        self.qemuDirectCheck.setText(QCoreApplication.translate("HostPage", u"qemu-kvm &directly", None))
        self.virshUsageComboLabel.setText(QCoreApplication.translate("HostPage", u"virsh is &used for:", None))
#if QT_CONFIG(accessibility)
        self.virshUsageCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"virsh is used for", None))
#endif // QT_CONFIG(accessibility)
        self.qemuUserComboLabel.setText(QCoreApplication.translate("HostPage", u"qemu-kvm runs &as:", None))
#if QT_CONFIG(accessibility)
        self.qemuUserCombo.setAccessibleName(QCoreApplication.translate("HostPage", u"qemu-kvm runs as", None))
#endif // QT_CONFIG(accessibility)
        self.feedbackLabel.setText(QCoreApplication.translate("HostPage", u"What the statement says about these answers:", None))
#if QT_CONFIG(accessibility)
        self.feedbackList.setAccessibleName(QCoreApplication.translate("HostPage", u"Live check of the host answers", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

