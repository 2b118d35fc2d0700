#include "app/window/comparison_selector.h"

#include "app/files/document_list.h"
#include "app/window/comparison_choice.h"

namespace lngeom::app {

using widgets::DumpDocument;

ComparisonSelector::ComparisonSelector(DocumentList* documents, ComparisonChoice* choice,
                                       QWidget* parent)
    : QComboBox(parent), documents_(documents), choice_(choice) {
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(
        tr("The dump the histogram, layer curves, paper tables and Compare views set "
           "beside the current one."));
    connect(choice, &ComparisonChoice::changed, this, &ComparisonSelector::fill);
    connect(documents, &DocumentList::added, this, &ComparisonSelector::fill);
    connect(documents, &DocumentList::removed, this, &ComparisonSelector::fill);
    connect(documents, &DocumentList::currentChanged, this, &ComparisonSelector::fill);
    connect(this, &QComboBox::activated, this,
            [this](int index) { choice_->choose(itemData(index).value<DumpDocument*>()); });
    fill();
}

void ComparisonSelector::fill() {
    clear();
    addItem(tr("nothing"), QVariant::fromValue<DumpDocument*>(nullptr));
    for (DumpDocument* document : documents_->documents())
        if (document != documents_->current())
            addItem(document->displayName(), QVariant::fromValue(document));
    setCurrentIndex(std::max(0, findData(QVariant::fromValue(choice_->comparison()))));
}

}  // namespace lngeom::app
