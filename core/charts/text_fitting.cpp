#include "core/charts/text_fitting.h"

#include <algorithm>

namespace lngeom {
namespace {

constexpr std::string_view kEllipsis = "…";

bool breaksAfter(char c) {
    return c == ' ' || c == '/' || c == '.' || c == '_' || c == '-' || c == ',' || c == ':';
}

bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets where each UTF-8 character starts, and the text's size at the end.
std::vector<std::size_t> characterStarts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t at = 0; at < text.size(); ++at)
        if (!continuationByte(text[at])) starts.push_back(at);
    starts.push_back(text.size());
    return starts;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Pieces that end at a break opportunity (a space stays with the piece before it). A decimal
// point or a thousands' comma between digits is no opportunity: "α = 0.5175" is not cut in two.
std::vector<std::string> pieces(std::string_view text) {
    std::vector<std::string> out(1);
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        out.back() += c;
        const bool inNumber = (c == '.' || c == ',') && at > 0 && digit(text[at - 1]) &&
                              at + 1 < text.size() && digit(text[at + 1]);
        if (breaksAfter(c) && !inNumber) out.emplace_back();
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

std::string withoutTrailingSpace(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// A piece wider than the line by itself is cut between characters.
void cutPiece(const std::string& piece, double width, const TextWidth& measure,
              std::vector<std::string>& lines) {
    const std::vector<std::size_t> starts = characterStarts(piece);
    std::size_t from = 0;
    for (std::size_t index = 1; index < starts.size(); ++index) {
        const bool last = index + 1 == starts.size();
        const std::string_view longer(piece.data() + from, starts[index] - from);
        if (last ||
            measure(std::string_view(piece.data() + from, starts[index + 1] - from)) <= width) {
            if (last) lines.emplace_back(longer);
            continue;
        }
        lines.emplace_back(longer);
        from = starts[index];
    }
}

// Greedy wrapping at the break opportunities.
std::vector<std::string> wrap(std::string_view text, double width, const TextWidth& measure) {
    std::vector<std::string> lines;
    std::string current;
    for (const std::string& piece : pieces(text)) {
        const std::string longer = current + piece;
        if (measure(withoutTrailingSpace(longer)) <= width) {
            current = longer;
            continue;
        }
        if (!current.empty()) lines.push_back(withoutTrailingSpace(current));
        current.clear();
        if (measure(withoutTrailingSpace(piece)) <= width) {
            current = piece;
            continue;
        }
        cutPiece(withoutTrailingSpace(piece), width, measure, lines);
        if (piece.back() == ' ') continue;
        current = lines.back();  // the cut piece's tail may share its line with what follows
        lines.pop_back();
    }
    if (!current.empty() || lines.empty()) lines.push_back(withoutTrailingSpace(current));
    return lines;
}

// The first `head` and the last `tail` characters with "…" between them.
std::string elided(std::string_view text, const std::vector<std::size_t>& starts, std::size_t head,
                   std::size_t tail) {
    const std::size_t characters = starts.size() - 1;
    return std::string(text.substr(0, starts[head])) + std::string(kEllipsis) +
           std::string(text.substr(starts[characters - tail]));
}

}  // namespace

std::vector<std::string> fit_text(const std::string& text, double width, int max_lines,
                                  const TextWidth& measure) {
    const auto fits = [&](const std::vector<std::string>& lines) {
        return int(lines.size()) <= std::max(1, max_lines);
    };
    std::vector<std::string> lines = wrap(text, width, measure);
    if (fits(lines)) return lines;
    // The most characters kept around "…" that still fit: a binary search over their count.
    const std::vector<std::size_t> starts = characterStarts(text);
    std::size_t low = 0, high = starts.size() - 1;
    std::vector<std::string> best = wrap(kEllipsis, width, measure);
    while (low < high) {
        const std::size_t kept = (low + high + 1) / 2;
        const std::vector<std::string> candidate =
            wrap(elided(text, starts, kept - kept / 2, kept / 2), width, measure);
        if (fits(candidate)) {
            low = kept;
            best = candidate;
        } else {
            high = kept - 1;
        }
    }
    return best;
}

std::string fit_text_joined(const std::string& text, double width, int max_lines,
                            const TextWidth& measure) {
    std::string joined;
    for (const std::string& line : fit_text(text, width, max_lines, measure))
        joined += (joined.empty() ? "" : "\n") + line;
    return joined;
}

}  // namespace lngeom
