"""greenmetrics: quantitative targets from Chinese green low-carbon development plans.

The pipeline flows one way: data/raw (plans, never written) -> extracted records -> tidy tables
in data/processed -> analysis frames -> charts and workbook in reports/.

    import greenmetrics as gm
    targets = gm.load_targets()        # one row per target, with quote and offsets
    result = gm.extract_corpus()       # run the extractor on data/raw without writing
"""

from .pipeline import ensure_tables, extract_corpus
from .tables import load_documents, load_milestones, load_targets

__version__ = "0.1.0"
__all__ = ["ensure_tables", "extract_corpus", "load_documents", "load_milestones", "load_targets"]
