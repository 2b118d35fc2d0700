#include "widgets/projection/projection_settings.h"

namespace lngeom::widgets {

QString representationName(Representation representation) {
    switch (representation) {
        case Representation::LnStandardized:
            return QStringLiteral("y (LayerNorm standardization)");
        case Representation::RmsStandardized:
            return QStringLiteral("r (RMSNorm standardization)");
        case Representation::Output:
            return QStringLiteral("module output");
        default:
            return QStringLiteral("x (hidden vector)");
    }
}

QString representationFormula(Representation representation) {
    switch (representation) {
        case Representation::LnStandardized:
            return QStringLiteral("y = x⊥ / √(σ² + ε)");
        case Representation::RmsStandardized:
            return QStringLiteral("r = x / √(rms² + ε)");
        case Representation::Output:
            return QStringLiteral("module output");
        default:
            return QStringLiteral("x, the vector entering the norm");
    }
}

QString placementName(Placement placement) {
    return placement == Placement::TrueRadius ? QStringLiteral("true radius")
                                              : QStringLiteral("linear projection");
}

QString colourName(ProjectionColour colour) {
    switch (colour) {
        case ProjectionColour::Norm:
            return QStringLiteral("‖x‖");
        case ProjectionColour::Position:
            return QStringLiteral("position in text");
        case ProjectionColour::Selection:
            return QStringLiteral("selection");
        case ProjectionColour::Layer:
            return QStringLiteral("layer (every site of this kind)");
        default:
            return QStringLiteral("angle to 1");
    }
}

QString basisName(BasisChoice choice) {
    switch (choice) {
        case BasisChoice::Coordinates:
            return QStringLiteral("two coordinates ⊥ 1");
        case BasisChoice::Token:
            return QStringLiteral("selected token's x⊥");
        case BasisChoice::Random:
            return QStringLiteral("random pair");
        default:
            return QStringLiteral("principal directions");
    }
}

}  // namespace lngeom::widgets
