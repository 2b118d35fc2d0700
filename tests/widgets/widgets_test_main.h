#pragma once
// main() for widget tests: the OpenGL defaults VTK needs must be set before the QApplication.

#include <QApplication>
#include <QtTest>

#include "widgets/vtk_hosting/opengl_setup.h"

#define LNGEOM_WIDGETS_TEST_MAIN(TestClass)       \
    int main(int argc, char* argv[]) {            \
        lngeom::widgets::configureOpenGLForVtk(); \
        QApplication application(argc, argv);     \
        TestClass test;                           \
        return QTest::qExec(&test, argc, argv);   \
    }
