"""Static files under gunicorn, started as the Procfile starts it: the admin has its CSS."""

import json
import urllib.request

from tests.e2e.gunicorn import procfile_gunicorn


def _get(url: str, **headers: str) -> urllib.response.addinfourl:
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)


def test_gunicorn_as_in_the_procfile_serves_the_admin_css_plain_and_hashed(tmp_path):
    with procfile_gunicorn(tmp_path) as server:
        plain = _get(f"{server.url}/static/admin/css/base.css")
        manifest = json.loads((server.static_root / "staticfiles.json").read_text())
        hashed_name = manifest["paths"]["admin/css/base.css"]
        hashed = _get(f"{server.url}/static/{hashed_name}", **{"Accept-Encoding": "gzip"})

        assert plain.status == 200
        assert plain.headers["Content-Type"].startswith("text/css")
        assert b"--header-bg" in plain.read()
        assert hashed_name != "admin/css/base.css"
        assert hashed.status == 200
        assert hashed.headers["Content-Type"].startswith("text/css")
        assert hashed.headers["Content-Encoding"] == "gzip"
        assert "immutable" in hashed.headers["Cache-Control"]


def test_gunicorn_serves_the_self_hosted_swagger_ui_and_redoc(tmp_path):
    with procfile_gunicorn(tmp_path) as server:
        for path in ("swagger-ui-dist/swagger-ui-bundle.js", "redoc/bundles/redoc.standalone.js"):
            response = _get(f"{server.url}/static/drf_spectacular_sidecar/{path}")
            assert response.status == 200, path
            assert "javascript" in response.headers["Content-Type"], path
