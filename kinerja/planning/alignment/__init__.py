"""Seeing the chain (issue 10, item 6): the results-role matrix of a supervisor, the alignment
tree of an agency and the completion counters per agency.

Each is built in Python from a fixed handful of `values()` queries, whatever the size of the
team or the agency: the tree of the largest agency has thousands of nodes, so rows are plain
values (no model instances, no query per node), and the tree is handed to the template as a
flat list in reading order (no recursive include).

Who may see:
- the matrix: the asking user only, as a supervisor (their own results by their team);
- the tree: Admin OPD of the agency, BKPSDM, Pimpinan, Inspektorat and the head of the agency
  (who holds its head post, definitively or as Plt/Plh, on the period's day); others 404;
- the counters: BKPSDM, Pimpinan, Inspektorat for every agency, Admin OPD for their own;
  others 403.
"""

from kinerja.planning.alignment.common import period_day, period_for_view
from kinerja.planning.alignment.completion import (
    AgencyCompletion,
    Completion,
    completion_for_actor,
)
from kinerja.planning.alignment.matrix import (
    MATRIX_COLUMNS,
    MatrixCell,
    MatrixRow,
    ResultRef,
    ResultsMatrix,
    TeamMember,
    UnlinkedResult,
    results_matrix_for_actor,
)
from kinerja.planning.alignment.tree import (
    TREE_BUDGET,
    TREE_DEPTH,
    AlignmentTree,
    IndicatorLine,
    NotStarted,
    TreeEntry,
    TreeNode,
    alignment_agency_get_for_actor,
    alignment_tree_for_actor,
    can_see_agency_chain,
)

__all__ = [
    "MATRIX_COLUMNS",
    "TREE_BUDGET",
    "TREE_DEPTH",
    "AgencyCompletion",
    "AlignmentTree",
    "Completion",
    "IndicatorLine",
    "MatrixCell",
    "MatrixRow",
    "NotStarted",
    "ResultRef",
    "ResultsMatrix",
    "TeamMember",
    "TreeEntry",
    "TreeNode",
    "UnlinkedResult",
    "alignment_agency_get_for_actor",
    "alignment_tree_for_actor",
    "can_see_agency_chain",
    "completion_for_actor",
    "period_day",
    "period_for_view",
    "results_matrix_for_actor",
]
