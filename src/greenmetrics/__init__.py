"""greenmetrics: quantitative targets from Chinese green low-carbon development plans.

The pipeline flows one way: data/raw (plans, never written) -> extracted records -> tidy tables
in data/processed -> analysis frames -> charts and workbook in reports/.

    import greenmetrics as gm
    targets = gm.load_targets()        # one row per target, with quote and offsets
    result = gm.extract_corpus()       # run the extractor on data/raw without writing
"""

from .tables import ensure_tables, load_documents, load_milestones, load_targets

__version__ = "0.1.0"
__all__ = ["ensure_tables", "extract_corpus", "load_documents", "load_milestones", "load_targets"]


def extract_corpus(*args, **kwargs):
    """Run the extractor on plan files or folders; see `greenmetrics.pipeline.extract_corpus`."""
    from .pipeline import extract_corpus as _extract_corpus

    return _extract_corpus(*args, **kwargs)
