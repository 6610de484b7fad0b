# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mainwindow.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSplitter, QStatusBar, QTabWidget, QTableView,
    QTextBrowser, QToolBar, QTreeView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        self.actionBack = QAction(MainWindow)
        self.actionBack.setObjectName(u"actionBack")
        self.actionForward = QAction(MainWindow)
        self.actionForward.setObjectName(u"actionForward")
        self.actionShowMatrix = QAction(MainWindow)
        self.actionShowMatrix.setObjectName(u"actionShowMatrix")
        self.actionShowContents = QAction(MainWindow)
        self.actionShowContents.setObjectName(u"actionShowContents")
        self.actionFocusSearch = QAction(MainWindow)
        self.actionFocusSearch.setObjectName(u"actionFocusSearch")
        self.actionLoadContentPack = QAction(MainWindow)
        self.actionLoadContentPack.setObjectName(u"actionLoadContentPack")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.navTabs = QTabWidget(self.splitter)
        self.navTabs.setObjectName(u"navTabs")
        self.navTabs.setMinimumSize(QSize(260, 0))
        self.contentsTab = QWidget()
        self.contentsTab.setObjectName(u"contentsTab")
        self.contentsLayout = QVBoxLayout(self.contentsTab)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(2, 2, 2, 2)
        self.contentsTree = QTreeView(self.contentsTab)
        self.contentsTree.setObjectName(u"contentsTree")
        self.contentsTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contentsTree.setUniformRowHeights(True)
        self.contentsTree.setHeaderHidden(True)

        self.contentsLayout.addWidget(self.contentsTree)

        self.navTabs.addTab(self.contentsTab, "")
        self.resultsTab = QWidget()
        self.resultsTab.setObjectName(u"resultsTab")
        self.resultsLayout = QVBoxLayout(self.resultsTab)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsLayout.setContentsMargins(2, 2, 2, 2)
        self.kindFilterLayout = QHBoxLayout()
        self.kindFilterLayout.setSpacing(2)
        self.kindFilterLayout.setObjectName(u"kindFilterLayout")

        self.resultsLayout.addLayout(self.kindFilterLayout)

        self.suggestionLabel = QLabel(self.resultsTab)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setTextFormat(Qt.TextFormat.RichText)
        self.suggestionLabel.setWordWrap(True)

        self.resultsLayout.addWidget(self.suggestionLabel)

        self.resultsList = QListView(self.resultsTab)
        self.resultsList.setObjectName(u"resultsList")
        self.resultsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsList.setWordWrap(True)

        self.resultsLayout.addWidget(self.resultsList)

        self.navTabs.addTab(self.resultsTab, "")
        self.splitter.addWidget(self.navTabs)
        self.mainTabs = QTabWidget(self.splitter)
        self.mainTabs.setObjectName(u"mainTabs")
        self.entryTab = QWidget()
        self.entryTab.setObjectName(u"entryTab")
        self.entryLayout = QVBoxLayout(self.entryTab)
        self.entryLayout.setObjectName(u"entryLayout")
        self.entryLayout.setContentsMargins(0, 0, 0, 0)
        self.entryView = QTextBrowser(self.entryTab)
        self.entryView.setObjectName(u"entryView")
        self.entryView.setOpenLinks(False)

        self.entryLayout.addWidget(self.entryView)

        self.mainTabs.addTab(self.entryTab, "")
        self.matrixTab = QWidget()
        self.matrixTab.setObjectName(u"matrixTab")
        self.matrixLayout = QVBoxLayout(self.matrixTab)
        self.matrixLayout.setObjectName(u"matrixLayout")
        self.matrixFilterLayout = QHBoxLayout()
        self.matrixFilterLayout.setObjectName(u"matrixFilterLayout")
        self.matrixFilter = QLineEdit(self.matrixTab)
        self.matrixFilter.setObjectName(u"matrixFilter")
        self.matrixFilter.setClearButtonEnabled(True)

        self.matrixFilterLayout.addWidget(self.matrixFilter)

        self.matrixStatusLabel = QLabel(self.matrixTab)
        self.matrixStatusLabel.setObjectName(u"matrixStatusLabel")

        self.matrixFilterLayout.addWidget(self.matrixStatusLabel)

        self.matrixStatusFilter = QComboBox(self.matrixTab)
        self.matrixStatusFilter.setObjectName(u"matrixStatusFilter")

        self.matrixFilterLayout.addWidget(self.matrixStatusFilter)

        self.matrixCount = QLabel(self.matrixTab)
        self.matrixCount.setObjectName(u"matrixCount")

        self.matrixFilterLayout.addWidget(self.matrixCount)


        self.matrixLayout.addLayout(self.matrixFilterLayout)

        self.matrixTable = QTableView(self.matrixTab)
        self.matrixTable.setObjectName(u"matrixTable")
        self.matrixTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrixTable.setAlternatingRowColors(True)
        self.matrixTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.matrixTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrixTable.setSortingEnabled(True)
        self.matrixTable.setWordWrap(True)

        self.matrixLayout.addWidget(self.matrixTable)

        self.matrixHint = QLabel(self.matrixTab)
        self.matrixHint.setObjectName(u"matrixHint")
        self.matrixHint.setWordWrap(True)

        self.matrixLayout.addWidget(self.matrixHint)

        self.mainTabs.addTab(self.matrixTab, "")
        self.splitter.addWidget(self.mainTabs)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.mainToolBar = QToolBar(MainWindow)
        self.mainToolBar.setObjectName(u"mainToolBar")
        self.mainToolBar.setMovable(False)
        self.mainToolBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.mainToolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.matrixStatusLabel.setBuddy(self.matrixStatusFilter)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionLoadContentPack)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuGo.addAction(self.actionBack)
        self.menuGo.addAction(self.actionForward)
        self.menuGo.addSeparator()
        self.menuGo.addAction(self.actionFocusSearch)
        self.menuGo.addAction(self.actionShowContents)
        self.menuGo.addAction(self.actionShowMatrix)
        self.menuHelp.addAction(self.actionAbout)
        self.mainToolBar.addAction(self.actionBack)
        self.mainToolBar.addAction(self.actionForward)
        self.mainToolBar.addSeparator()
        self.mainToolBar.addAction(self.actionShowMatrix)
        self.mainToolBar.addSeparator()

        self.retranslateUi(MainWindow)

        self.navTabs.setCurrentIndex(0)
        self.mainTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"KVM Helpdesk", None))
        self.actionBack.setText(QCoreApplication.translate("MainWindow", u"&Back", None))
#if QT_CONFIG(tooltip)
        self.actionBack.setToolTip(QCoreApplication.translate("MainWindow", u"Back to the previous entry (Alt+Left)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionBack.setShortcut(QCoreApplication.translate("MainWindow", u"Alt+Left", None))
#endif // QT_CONFIG(shortcut)
        self.actionForward.setText(QCoreApplication.translate("MainWindow", u"&Forward", None))
#if QT_CONFIG(tooltip)
        self.actionForward.setToolTip(QCoreApplication.translate("MainWindow", u"Forward (Alt+Right)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionForward.setShortcut(QCoreApplication.translate("MainWindow", u"Alt+Right", None))
#endif // QT_CONFIG(shortcut)
        self.actionShowMatrix.setText(QCoreApplication.translate("MainWindow", u"Guest OS &matrix", None))
#if QT_CONFIG(tooltip)
        self.actionShowMatrix.setToolTip(QCoreApplication.translate("MainWindow", u"Which guest operating systems are supported (Ctrl+M)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionShowMatrix.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+M", None))
#endif // QT_CONFIG(shortcut)
        self.actionShowContents.setText(QCoreApplication.translate("MainWindow", u"&Contents", None))
#if QT_CONFIG(shortcut)
        self.actionShowContents.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+T", None))
#endif // QT_CONFIG(shortcut)
        self.actionFocusSearch.setText(QCoreApplication.translate("MainWindow", u"&Search\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionFocusSearch.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+K", None))
#endif // QT_CONFIG(shortcut)
        self.actionLoadContentPack.setText(QCoreApplication.translate("MainWindow", u"&Load content pack\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionLoadContentPack.setToolTip(QCoreApplication.translate("MainWindow", u"Load another release's knowledge base beside the embedded one", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About KVM Helpdesk", None))
#if QT_CONFIG(accessibility)
        self.contentsTree.setAccessibleName(QCoreApplication.translate("MainWindow", u"Contents of the support statement", None))
#endif // QT_CONFIG(accessibility)
        self.navTabs.setTabText(self.navTabs.indexOf(self.contentsTab), QCoreApplication.translate("MainWindow", u"Contents", None))
        self.suggestionLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultsList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search results", None))
#endif // QT_CONFIG(accessibility)
        self.navTabs.setTabText(self.navTabs.indexOf(self.resultsTab), QCoreApplication.translate("MainWindow", u"Search results", None))
#if QT_CONFIG(accessibility)
        self.entryView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Entry text", None))
#endif // QT_CONFIG(accessibility)
        self.mainTabs.setTabText(self.mainTabs.indexOf(self.entryTab), QCoreApplication.translate("MainWindow", u"Entry", None))
        self.matrixFilter.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Filter rows: Windows, RHEL, SP3, kvm-clock\u2026", None))
        self.matrixStatusLabel.setText(QCoreApplication.translate("MainWindow", u"&Status:", None))
        self.matrixCount.setText("")
#if QT_CONFIG(accessibility)
        self.matrixTable.setAccessibleName(QCoreApplication.translate("MainWindow", u"Guest operating system support matrix", None))
#endif // QT_CONFIG(accessibility)
        self.matrixHint.setText(QCoreApplication.translate("MainWindow", u"Double-click a row to read its entry. \"+\" in the statement means \"this service pack or later\".", None))
        self.mainTabs.setTabText(self.mainTabs.indexOf(self.matrixTab), QCoreApplication.translate("MainWindow", u"Guest OS matrix", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuGo.setTitle(QCoreApplication.translate("MainWindow", u"&Go", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        self.mainToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Navigation", None))
    # retranslateUi

