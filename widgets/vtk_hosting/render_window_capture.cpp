#include "widgets/vtk_hosting/render_window_capture.h"

#include <vtkActor.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkProp.h>
#include <vtkPropCollection.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>
#include <vtkSmartPointer.h>
#include <vtkWindowToImageFilter.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace lngeom::widgets {
namespace {

// Scales what is measured in pixels for the lifetime of the object, then puts it back.
class PixelMeasuresScaler {
  public:
    PixelMeasuresScaler(vtkRenderWindow* window, double scale)
        : window_(window), originalDpi_(window->GetDPI()) {
        window_->SetDPI(static_cast<int>(std::lround(originalDpi_ * scale)));
        vtkRendererCollection* renderers = window_->GetRenderers();
        renderers->InitTraversal();
        while (vtkRenderer* renderer = renderers->GetNextItem()) scaleActorsOf(renderer, scale);
    }
    ~PixelMeasuresScaler() {
        window_->SetDPI(originalDpi_);
        for (const auto& saved : properties_) {
            saved.property->SetPointSize(saved.pointSize);
            saved.property->SetLineWidth(saved.lineWidth);
        }
    }
    PixelMeasuresScaler(const PixelMeasuresScaler&) = delete;
    PixelMeasuresScaler& operator=(const PixelMeasuresScaler&) = delete;

  private:
    struct SavedProperty {
        vtkSmartPointer<vtkProperty> property;
        float pointSize;
        float lineWidth;
    };

    void scaleActorsOf(vtkRenderer* renderer, double scale) {
        vtkPropCollection* props = renderer->GetViewProps();
        props->InitTraversal();
        while (vtkProp* prop = props->GetNextProp()) {
            auto* actor = vtkActor::SafeDownCast(prop);
            if (actor == nullptr) continue;
            vtkProperty* property = actor->GetProperty();
            properties_.push_back({property, property->GetPointSize(), property->GetLineWidth()});
            property->SetPointSize(static_cast<float>(property->GetPointSize() * scale));
            property->SetLineWidth(static_cast<float>(property->GetLineWidth() * scale));
        }
    }

    vtkRenderWindow* window_;
    int originalDpi_;
    std::vector<SavedProperty> properties_;
};

// VTK's rows run bottom-up; QImage's top-down.
QImage toQImage(vtkImageData* image) {
    int dimensions[3];
    image->GetDimensions(dimensions);
    const int width = dimensions[0];
    const int height = dimensions[1];
    QImage result(width, height, QImage::Format_RGB888);
    const auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
    const int rowBytes = width * 3;
    for (int row = 0; row < height; ++row)
        std::memcpy(result.scanLine(height - 1 - row), pixels + row * rowBytes, rowBytes);
    return result;
}

}  // namespace

QImage renderWindowToImage(vtkRenderWindow* window, double scale) {
    const int width = window->GetSize()[0];
    const int height = window->GetSize()[1];
    QImage image;
    {
        PixelMeasuresScaler scaler(window, scale);
        window->SetSize(static_cast<int>(std::lround(width * scale)),
                        static_cast<int>(std::lround(height * scale)));
        vtkNew<vtkWindowToImageFilter> filter;
        filter->SetInput(window);
        filter->SetInputBufferTypeToRGB();
        filter->ReadFrontBufferOff();
        filter->ShouldRerenderOn();
        filter->Update();
        image = toQImage(filter->GetOutput());
    }
    window->SetSize(width, height);
    return image;
}

}  // namespace lngeom::widgets
