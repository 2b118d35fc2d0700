#include "widgets/document/view_jobs.h"

#include "core/errors.h"

namespace lngeom::widgets {

namespace {

std::atomic<Index> inlineRows{Index(1) << 20};

}  // namespace

void ViewJobs::setInlineRowLimit(Index rows) { inlineRows = rows; }

Index ViewJobs::inlineRowLimit() { return inlineRows; }

void ViewJobs::cancel() {
    ++*generation_;
    *busy_ = false;
    worker_.cancel();
}

void ViewJobs::report(const std::exception_ptr& error,
                      const std::function<void(const QString&)>& failed) {
    try {
        std::rethrow_exception(error);
    } catch (const CancelledError&) {
    } catch (const std::exception& exception) {
        if (failed) failed(QString::fromUtf8(exception.what()));
    }
}

}  // namespace lngeom::widgets
