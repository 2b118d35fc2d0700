#pragma once
// Chart text through GL2PS: in EPS it writes each string's bytes as they are with the standard
// Helvetica fonts (standard encoding in PostScript), so UTF-8 labels ("angle to 1 (°)", "1·ln2")
// come out garbled; in SVG, VTK turns strings beyond Latin-1 ("|cos θ|", "‖x‖") into glyph
// outlines instead of text.
// While this object lives, every text of a chart (title, axis titles, custom tick labels, plot
// labels) is spelled in ASCII ("angle to 1 (deg)", "1.ln2", "||x||"), so the file keeps real,
// readable text; the original texts come back when it ends. The SVG (and the PDF painted from
// it, svg_painter.h) then gets the original texts back from spellings().

#include <functional>
#include <string>
#include <utility>
#include <vector>

class vtkChartXY;

namespace lngeom::widgets {

// UTF-8 → ASCII, with spellings for the symbols lngeom's labels use and '?' for others.
std::string asciiSpelling(const std::string& utf8);

class AsciiChartText {
  public:
    // `spell` turns a text into what GL2PS is given; asciiSpelling by default.
    explicit AsciiChartText(vtkChartXY* chart,
                            std::function<std::string(const std::string&)> spell = asciiSpelling);
    ~AsciiChartText();
    AsciiChartText(const AsciiChartText&) = delete;
    AsciiChartText& operator=(const AsciiChartText&) = delete;

    // (original, spelling) of every text it replaced, for putting the originals back into a
    // format that can show them (the chart's SVG).
    const std::vector<std::pair<std::string, std::string>>& spellings() const { return spellings_; }

  private:
    void replace(std::string text, std::function<void(const std::string&)> set);

    std::vector<std::function<void()>> restore_;
    std::function<std::string(const std::string&)> spell_;
    std::vector<std::pair<std::string, std::string>> spellings_;
};

}  // namespace lngeom::widgets
