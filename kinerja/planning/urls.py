from django.urls import path

from kinerja.planning import alignment_views, document_views, views

app_name = "planning"

urlpatterns = [
    # Pages of one plan and the lists (views.py)
    path("", views.plan_list, name="plan_list"),
    path("<id:plan_id>/", views.plan_detail, name="plan_detail"),
    # Documents (document_views.py)
    path("<id:plan_id>/pdf/", document_views.plan_pdf, name="plan_pdf"),
    path("<id:plan_id>/xlsx/", document_views.plan_xlsx, name="plan_xlsx"),
    # The chain: results-role matrix, alignment tree, goals, completion (alignment_views.py)
    path("matriks/", alignment_views.results_matrix, name="results_matrix"),
    path("pohon/<id:agency_id>/", alignment_views.alignment_tree, name="alignment_tree"),
    path("sasaran/<id:agency_id>/", alignment_views.goal_list, name="goal_list"),
    path("kemajuan/", alignment_views.completion, name="completion"),
]
