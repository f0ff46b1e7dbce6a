"""``octavo serve``: the library's pages and a JSON API, over ``library``, ``jobs`` and the cluster.

- ``app.py``: the FastAPI application, its error pages and JSON errors;
- ``pages.py``: the HTML pages (library, book, work, job), rendered by the Jinja templates
  in ``templates/web/``;
- ``api.py``: the JSON API (documented at ``/api/docs``) and the downloads.
"""
