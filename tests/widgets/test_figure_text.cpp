// Text in the views and figures, on a machine set up by tools/install-deps.sh alone: every
// symbol the views' titles and labels use is drawn by the font the views ask for (nothing
// dropped, no missing-glyph boxes); a PDF painted from a figure's SVG reads back exactly as
// written (no "ﬁ" ligature glyphs, fonts embedded); a PNG painted from it is transparent where
// asked; lines fitted to a width stay within it.

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "core/metrics/metrics.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/figures/svg_painter.h"
#include "widgets/figures/svg_text.h"
#include "widgets/step_through/walk_text.h"
#include "widgets/support/text_font.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

// Every character of `text` once (UTF-8 sequences kept whole), spaces left out.
std::set<std::string> charactersOf(const std::string& text) {
    std::set<std::string> characters;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        while (at + length < text.size() &&
               (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80)
            ++length;
        if (text[at] != ' ' && text[at] != '\n') characters.insert(text.substr(at, length));
        at += length;
    }
    return characters;
}

// The character as VTK draws it with `property`: its pixels' alpha, row by row.
std::vector<unsigned char> rendered(vtkTextProperty* property, const std::string& character) {
    vtkNew<vtkImageData> image;
    int size[2] = {0, 0};
    if (!vtkTextRenderer::GetInstance()->RenderString(property, character, image, size, 72))
        return {};
    // RGBA bytes over the whole image (which VTK may make larger than the text).
    const int components = image->GetNumberOfScalarComponents();
    const auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
    std::vector<unsigned char> alpha;
    for (vtkIdType point = 0; pixels && point < image->GetNumberOfPoints(); ++point)
        alpha.push_back(pixels[point * components + components - 1]);
    return alpha;
}

bool hasInk(const std::vector<unsigned char>& alpha) {
    return std::any_of(alpha.begin(), alpha.end(), [](unsigned char a) { return a > 64; });
}

// Characters of `text` the property's font does not draw: no ink, or the missing-glyph box.
QStringList droppedCharacters(vtkTextProperty* property, const std::string& text) {
    const std::vector<unsigned char> missing = rendered(property, "\uE000");
    QStringList dropped;
    for (const std::string& character : charactersOf(text)) {
        const std::vector<unsigned char> alpha = rendered(property, character);
        if (!hasInk(alpha) || alpha == missing) dropped << QString::fromStdString(character);
    }
    return dropped;
}

QString run(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return "<" + program + " failed>";
    return QString::fromUtf8(process.readAllStandardOutput());
}

}  // namespace

class TestFigureText : public QObject {
    Q_OBJECT

  private slots:
    void textFontIsInstalled() {
        QVERIFY2(textFontInstalled(), qPrintable(QString("%1 is missing: install fonts-dejavu-core "
                                                         "(tools/install-deps.sh)")
                                                     .arg(textFontFile())));
    }

    // The check itself: VTK's bundled Arial, which the views used before, has no σ or ‖.
    void bundledFontDropsSymbols() {
        vtkNew<vtkTextProperty> arial;
        arial->SetFontFamilyToArial();
        arial->SetFontSize(14);
        QCOMPARE(droppedCharacters(arial, "‖y‖ σ a"), QStringList({"σ", "‖"}));
    }

    // The histogram view titles and labels its chart for each metric as a user sees it.
    void everyMetricsTitleAndLabelIsDrawn() {
        const auto document = test::loadSample("sample-layernorm.h5");
        QVERIFY(document);
        HistogramView view;
        view.setDocument(document.get());
        for (const MetricDescription& description : metric_descriptions()) {
            if (description.needs_output) continue;
            view.setMetric(description.metric);
            vtkChartXY* chart = view.chartView()->chart();
            const std::string title = view.chartView()->fullTitle();
            QVERIFY2(title.find(std::string(description.label)) != std::string::npos,
                     title.c_str());
            const QStringList inTitle = droppedCharacters(chart->GetTitleProperties(), title);
            QVERIFY2(inTitle.isEmpty(),
                     qPrintable(QString::fromStdString(title) + ": " + inTitle.join(' ')));
            vtkAxis* axis = chart->GetAxis(vtkAxis::BOTTOM);
            const QStringList inLabel =
                droppedCharacters(axis->GetTitleProperties(), std::string(description.label));
            QVERIFY2(inLabel.isEmpty(), qPrintable(inLabel.join(' ')));
        }
    }

    // What the step-through, the projection and the token descriptions write in the scene.
    void sceneSymbolsAreDrawn() {
        vtkNew<vtkTextProperty> property;
        property->SetFontSize(18);
        useUnicodeFont(property);
        std::string symbols = "μ·1 x₁ x₂ x₃ 1 (û) √d ⊥ × − … ° “” ⏎ ⇥ ␣ ∠ ε σ θ γ β ‖ ⊙";
        for (int stage = 0; stage < kWalkStageCount; ++stage)
            symbols +=
                std::string(" ") + walkStageName(true, stage) + " " + walkStageName(false, stage);
        for (const MetricDescription& description : metric_descriptions())
            symbols +=
                " " + std::string(description.label) + " " + std::string(description.definition);
        const QStringList dropped = droppedCharacters(property, symbols);
        QVERIFY2(dropped.isEmpty(), qPrintable(dropped.join(' ')));
    }

    // pdftotext reads the words as written: no ligature glyph replaces "fi", "ffi" or "fl".
    void pdfTextReadsAsWritten() {
        const std::string text = "tokens at site final: ffi fl · σ ‖x‖ θ γ⊙y+β x⊥ √d ε 90°";
        const std::string svg = svgOpening(400, 60) + svgText(10, 30, text, {.points = 11}) +
                                svgText(10, 50, "official", {.points = 11, .bold = true}) +
                                "</svg>\n";
        const QTemporaryDir directory;
        const QString pdf = directory.filePath("text.pdf");
        writePdfFromSvg(svg, pdf.toStdString());
        const QString read = run("pdftotext", {pdf, "-"}).simplified();
        QCOMPARE(read, QString::fromStdString(text + " official"));
        const QString fonts = run("pdffonts", {pdf});
        QVERIFY2(fonts.contains("DejaVuSans"), qPrintable(fonts));
        for (const QString& row : fonts.split('\n', Qt::SkipEmptyParts).mid(2))
            QVERIFY2(row.contains(QRegularExpression("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+")),
                     qPrintable("not embedded: " + row));
    }

    void pngIsTransparentWhereAsked() {
        const std::string svg = svgOpening(100, 50) +
                                "<rect x=\"40\" y=\"10\" width=\"20\" height=\"20\" "
                                "fill=\"#ff0000\"/>\n</svg>\n";
        const QImage opaque = imageFromSvg(svg, 2.0, false, "figure.png");
        QCOMPARE(opaque.size(), QSize(200, 100));
        QCOMPARE(opaque.pixelColor(2, 2), QColor(Qt::white));
        const QImage clear = imageFromSvg(withoutBackground(svg), 2.0, true, "figure.png");
        QCOMPARE(clear.pixelColor(2, 2).alpha(), 0);
        QCOMPARE(clear.pixelColor(100, 40), QColor(Qt::red));
    }

    void fittedLinesStayWithinTheirWidth() {
        const std::string title =
            "KonaTransformer-en-de-big-v3 (encoder only, relative attention, 64 layers, "
            "checkpoint 2024-05-17, step 1M): angle to 1 (°) at site Encoder_en/KonaTransformer/"
            "Encode/Layer_12/TransformerLayer/FFN/layer_prepostprocess/layer_norm";
        const SvgTextStyle style{.points = 12, .bold = true};
        for (double width : {80.0, 304.0, 1584.0}) {
            const auto lines = svgFittedLines(title, width, 2, style);
            QVERIFY(!lines.empty() && lines.size() <= 2);
            for (const std::string& line : lines)
                QVERIFY2(svgTextWidth(line, style) <= width, line.c_str());
            QVERIFY(lines.back().ends_with("layer_norm") || lines.back().ends_with("orm"));
        }
    }

    void malformedSvgIsRefusedNamingTheFile() {
        try {
            writePdfFromSvg("<svg width=\"10\">", "/tmp/never.pdf");
            QFAIL("accepted");
        } catch (const std::exception& error) {
            QCOMPARE(QString(error.what()),
                     QString("/tmp/never.pdf: cannot be written: the figure's SVG has no size"));
        }
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestFigureText)
#include "test_figure_text.moc"
