#pragma once
// What the input–output curve's points are coloured by (Zhu et al. colour the curve by channel
// and by token), and the bounded share of the sample drawn as coloured points: the density
// counts every sampled point, a scatter of all of them would not stay small in a figure.
// - By channel: the channels with the largest max |x| in the sample (the massive-activation
//   dimensions that reach into the tails of the S) each in its own colour, the others together.
// - By token: tokens spread evenly over the ranking of their √(σ_t² + ε), each one a line of
//   slope 1/√(σ_t² + ε), coloured by that scale.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/io_curve_sample.h"
#include "core/support/enum_names.h"

namespace lngeom {

enum class IoCurveColouring { Density, Channel, Token };

// Their names in recipes, sessions and `lngeom export --colour`.
inline constexpr EnumNames<IoCurveColouring, 3> kIoCurveColouringNames{{
    {IoCurveColouring::Density, "density"},
    {IoCurveColouring::Channel, "channel"},
    {IoCurveColouring::Token, "token"},
}};

// "density", "channel", "token"; nullopt for another name.
std::string_view io_curve_colouring_name(IoCurveColouring colouring);
std::optional<IoCurveColouring> io_curve_colouring_named(std::string_view name);
// "density, channel or token", for messages.
std::string io_curve_colouring_names();

inline constexpr Index kIoCurveScatterPoints = 24576;  // coloured points drawn at most
inline constexpr int kIoCurveChannels = 8;             // channels given a colour of their own
inline constexpr int kIoCurveTokens = 48;              // tokens drawn when colouring by token

// Points of the sample drawn in one colour.
struct IoCurveGroup {
    Index key = -1;    // the channel, or the token (its row in the site); -1: other channels
    double value = 0;  // the channel's max |x| in the sample; the token's √(σ_t² + ε)
    std::vector<Index> points;  // indices into sample.points, inside the density's ranges
};

// Up to `channels` groups of the channels with the largest max |x| (largest first), then one
// of every other channel (key −1), thinned evenly so that together they hold at most `budget`
// points (half of it for the other channels). Empty without points.
std::vector<IoCurveGroup> io_curve_channel_groups(const IoCurveSample& sample,
                                                  int channels = kIoCurveChannels,
                                                  Index budget = kIoCurveScatterPoints);

// One group per token, for up to `tokens` tokens spread evenly over the ranking of their
// √(σ_t² + ε) (smallest first), each token's channels thinned evenly so that together they hold
// at most `budget` points. Empty without points.
std::vector<IoCurveGroup> io_curve_token_groups(const IoCurveSample& sample,
                                                int tokens = kIoCurveTokens,
                                                Index budget = kIoCurveScatterPoints);

}  // namespace lngeom
