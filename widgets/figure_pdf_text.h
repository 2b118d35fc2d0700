#pragma once
// PDF and EPS text through GL2PS: it writes each string's bytes as they are with the standard
// Helvetica fonts (MacRoman encoding in PDF, standard encoding in PostScript), so UTF-8 labels
// ("angle to 1 (°)", "1·ln2") come out garbled, and VTK refuses to draw strings that are not UTF-8.
// While this object lives, every text of a chart (title, axis titles, custom tick labels, plot
// labels) is spelled in ASCII ("angle to 1 (deg)", "1.ln2", "||x||"), so the file keeps real,
// readable text; the original texts come back when it ends.

#include <functional>
#include <string>
#include <vector>

class vtkChartXY;

namespace lngeom::widgets {

// UTF-8 → ASCII, with spellings for the symbols lngeom's labels use and '?' for others.
std::string asciiSpelling(const std::string& utf8);

class AsciiChartText {
  public:
    explicit AsciiChartText(vtkChartXY* chart);
    ~AsciiChartText();
    AsciiChartText(const AsciiChartText&) = delete;
    AsciiChartText& operator=(const AsciiChartText&) = delete;

  private:
    void replace(const std::string& text, std::function<void(const std::string&)> set);

    std::vector<std::function<void()>> restore_;
};

}  // namespace lngeom::widgets
