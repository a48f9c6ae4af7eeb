"""``run --curvature`` and ``export --curvature`` / ``--ellipse`` (issue 28): the Hessian's
eigenvalues on the progress lines, its entries and eigenvalues as CSV columns, and the level
ellipse at each run's head in a figure; without the options every output is as before."""

import csv
import re

import numpy as np
import pytest

from beale_gui import cli
from beale_gui.core import curvature as cv
from beale_gui.core.engine import OptimizerConfig
from beale_gui.core.functions import get_function, parse_expression
from beale_gui.core.session import Experiment
from beale_gui.export.data import CSV_COLUMNS, MODEL_CSV_COLUMNS
from beale_gui.gui.render.offscreen import ensure_app
from beale_gui.gui.render.trajectory import ELLIPSE_SIZE, TrajectoryFigure

QUADRATIC = ["--expr", "x**2 + 100*y**2", "--optimizer", "gd:lr=0.005", "--start", "1,1",
             "--max-steps", "200", "--every", "50"]
CURVATURE_NAMES = ["hess_xx", "hess_xy", "hess_yy", "lambda_min", "lambda_max"]


def _main(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([*map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rows(path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


# -- run: the progress lines ------------------------------------------------------------------
def test_run_curvature_ends_every_line_with_the_eigenvalues_and_kappa(capsys):
    code, plain, _ = _main(capsys, "run", *QUADRATIC)
    assert code == 0
    code, out, _ = _main(capsys, "run", *QUADRATIC, "--curvature")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("steps:")]
    assert len(lines) == 6         # steps 0, 50, ..., 200 and the last point again
    for line in lines:
        assert line.endswith("  λmin: 2  λmax: 200  κ: 100")
    # the lines without --curvature are these lines cut before the curvature, and say nothing
    # of it
    assert "λ" not in plain
    assert "κ" not in plain
    assert plain.splitlines() == [re.sub(r"  λmin: .*$", "", line) for line in out.splitlines()]


def test_run_curvature_names_the_kind_where_kappa_has_none(capsys):
    code, out, _ = _main(capsys, "run", "--expr", "x**2 - y**2", "--optimizer", "gd:lr=0.01",
                         "--start", "1,0.5", "--max-steps", "10", "--every", "5",
                         "--curvature")
    assert code == 0
    first = out.splitlines()[0]
    assert first.endswith("  λmin: -2  λmax: 2  κ: indefinite")
    code, out, _ = _main(capsys, "run", "--function", "himmelblau", "--optimizer",
                         "gd:lr=0.001", "--start", "-0.27,-0.92", "--max-steps", "0",
                         "--curvature")
    assert code == 0
    assert out.splitlines()[0].endswith("κ: negative-definite")   # near its maximum


def test_run_curvature_values_are_the_hessians_at_the_printed_points(capsys):
    f = get_function("rosenbrock")
    code, out, _ = _main(capsys, "run", "--function", "rosenbrock", "--optimizer",
                         "adam:lr=0.02", "--start", "-1.2,1", "--max-steps", "300",
                         "--curvature")
    assert code == 0
    kinds = set()
    for line in out.splitlines():
        if not line.startswith("steps:"):
            continue
        x, y = (float(v) for v in re.search(r"x: (\S+)  y: (\S+)", line).groups())
        lo, hi = (float(v) for v in re.search(r"λmin: (\S+)  λmax: (\S+)", line).groups())
        expected = np.linalg.eigvalsh(f.hessian(np.array([x, y])))
        # the line's x, y have 5 decimals: compare with the Hessian there loosely
        np.testing.assert_allclose([lo, hi], expected, rtol=2e-3, atol=2e-2)
        kappa = re.search(r"κ: (\S+)$", line).group(1)
        if lo > 0:
            assert float(kappa) == pytest.approx(hi / lo, rel=1e-5)
        else:                               # Adam crosses a saddle-shaped stretch
            assert kappa == "indefinite"
            assert lo < 0 < hi
        kinds.add(kappa == "indefinite")
    assert kinds == {False, True}


# -- the CSV ----------------------------------------------------------------------------------
def test_run_csv_gains_the_hessian_columns_only_with_curvature(tmp_path, capsys):
    plain, curved = tmp_path / "plain.csv", tmp_path / "curved.csv"
    args = ["run", "--function", "rosenbrock", "--optimizer", "gd:lr=0.001", "--optimizer",
            "momentum:lr=0.0005,momentum=0.9", "--start", "0,0", "--start", "-1.5,2",
            "--max-steps", "200"]
    assert _main(capsys, *args, "--csv", plain)[0] == 0
    assert _main(capsys, *args, "--csv", curved, "--curvature")[0] == 0
    header, rows = _rows(plain)
    assert header == list(CSV_COLUMNS)
    header2, rows2 = _rows(curved)
    assert header2 == [*CSV_COLUMNS, *CURVATURE_NAMES]
    # the existing columns are the same text, the new ones the Hessian at each row's point
    assert [{k: r[k] for k in CSV_COLUMNS} for r in rows2] == rows
    f = get_function("rosenbrock")
    xy = np.array([[float(r["x"]), float(r["y"])] for r in rows2])
    h = f.hessian(xy)
    got = np.array([[float(r[k]) for k in CURVATURE_NAMES] for r in rows2])
    np.testing.assert_array_equal(got[:, :3], np.column_stack([h[:, 0, 0], h[:, 0, 1],
                                                               h[:, 1, 1]]))
    np.testing.assert_allclose(got[:, 3:], np.linalg.eigvalsh(h), rtol=1e-9, atol=1e-9)


def test_a_models_csv_names_the_hessian_by_its_parameters(tmp_path, capsys):
    data = tmp_path / "points.csv"
    rng = np.random.default_rng(1)
    x = rng.uniform(-2.0, 2.0, 30)
    y = 0.8 * x - 0.3 + 0.2 * rng.standard_normal(30)
    data.write_text("x,y\n" + "".join(f"{float(a)!r},{float(b)!r}\n"
                                      for a, b in zip(x, y, strict=True)))
    out = tmp_path / "model.csv"
    code, text, _ = _main(capsys, "run", "--model", "linear", "--data", data, "--optimizer",
                          "gd:lr=0.1", "--start", "0,0", "--max-steps", "20", "--curvature",
                          "--csv", out)
    assert code == 0
    header, rows = _rows(out)
    assert header == [*MODEL_CSV_COLUMNS, "hess_p1p1", "hess_p1p2", "hess_p2p2",
                      "lambda_min", "lambda_max"]
    # the mean squared error of p1 x + p2: its Hessian is 2 [[mean x^2, mean x], [mean x, 1]]
    expected = 2.0 * np.array([np.mean(x * x), np.mean(x), 1.0])
    for r in rows:
        np.testing.assert_allclose([float(r[k]) for k in ("hess_p1p1", "hess_p1p2",
                                                          "hess_p2p2")], expected, rtol=1e-12)
    assert "λmin:" in text.splitlines()[-1]
    assert "p1:" in text.splitlines()[-1]


def test_export_csv_with_curvature_and_the_options_it_refuses(tmp_path, capsys):
    out = tmp_path / "paths.csv"
    base = ["export", "--function", "beale", "--optimizer", "adam:lr=0.05", "--start",
            "0.7,1.4", "--max-steps", "50"]
    assert _main(capsys, *base, "--out", out, "--curvature")[0] == 0
    header, rows = _rows(out)
    assert header[-5:] == CURVATURE_NAMES
    assert len(rows) == 51
    for args, word in ((["--out", tmp_path / "f.png", "--curvature"], "--curvature"),
                       (["--out", tmp_path / "p.json", "--curvature"], "--curvature"),
                       (["--out", tmp_path / "p.csv", "--ellipse"], "--ellipse"),
                       (["--out", tmp_path / "f.png", "--ellipse", "--view", "3d"],
                        "--ellipse")):
        code, stdout, err = _main(capsys, *base, *args)
        assert code == 2
        assert stdout == ""
        assert len(err.strip().splitlines()) == 1, err
        assert word in err, err
    assert not (tmp_path / "f.png").exists()


# -- the figure's ellipse ---------------------------------------------------------------------
def _figure(ellipse: bool, step=None) -> TrajectoryFigure:
    exp = Experiment(get_function("himmelblau"),
                     [OptimizerConfig("gd", {"lr": 0.002})], np.array([[0.5, -2.5]]), 40, 0.0)
    return TrajectoryFigure(exp.run(), size=(1200, 900), ellipse=ellipse, step=step)


def _rgb(png: bytes) -> np.ndarray:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def test_the_ellipse_is_drawn_where_the_level_ellipse_lies_and_nowhere_else():
    ensure_app()
    plain, drawn = _figure(False), _figure(True)
    try:
        changed = np.argwhere(np.abs(_rgb(drawn.png_bytes()) - _rgb(plain.png_bytes()))
                              .sum(axis=-1) > 30)[:, ::-1]      # (x, y) pixels
        result = drawn.result
        head = result.paths[0, int(result.stop_step[0])]
        curvature = cv.curvature_at(result.function, head)
        assert curvature.kind == cv.POSITIVE_DEFINITE
        (x0, x1), _ = drawn.view_extent()
        outline = cv.level_ellipse(curvature, ELLIPSE_SIZE * (x1 - x0), points=400)
        pixels = np.array([drawn.map_to_pixel(*p) for p in outline])
        # every changed pixel lies on the outline (within the line's width and antialiasing)
        # and the outline is drawn all round
        distance = np.min(np.hypot(*(changed[:, None, :] - pixels[None, :, :]).T), axis=0)
        assert len(changed) > 100
        assert np.all(distance <= 4.0)
        near = np.min(np.hypot(*(pixels[:, None, :] - changed[None, :, :]).T), axis=0)
        assert np.mean(near <= 2.5) > 0.9
        # its longer half-axis is 6% of the view's width, on screen too
        width_px = drawn.map_to_pixel(x1, 0.0)[0] - drawn.map_to_pixel(x0, 0.0)[0]
        centre = np.array(drawn.map_to_pixel(*head))
        reach = np.max(np.hypot(*(pixels - centre).T))
        assert reach == pytest.approx(ELLIPSE_SIZE * width_px, rel=0.35)
    finally:
        plain.close()
        drawn.close()


def test_the_ellipse_follows_the_step_and_a_saddle_gets_its_two_axes():
    ensure_app()
    fig = _figure(True, step=0)
    try:
        start = fig.result.paths[0, 0]
        # the outline is symmetric about its centre: the middle of its extent
        x, y = fig.ellipses[0].getData()
        np.testing.assert_allclose([(np.nanmax(x) + np.nanmin(x)) / 2,
                                    (np.nanmax(y) + np.nanmin(y)) / 2], start,
                                   atol=1e-9)
        fig.set_step(fig.last_step)
        x, y = fig.ellipses[0].getData()
        np.testing.assert_allclose([(np.nanmax(x) + np.nanmin(x)) / 2,
                                    (np.nanmax(y) + np.nanmin(y)) / 2],
                                   fig.result.paths[0, fig.last_step], atol=1e-9)
    finally:
        fig.close()
    saddle = Experiment(parse_expression("x**2 - y**2"), [OptimizerConfig("gd", {"lr": 0.01})],
                        np.array([[1.0, 0.0]]), 0, 0.0)
    fig = TrajectoryFigure(saddle.run(), size=(800, 600), ellipse=True)
    try:
        x, y = fig.ellipses[0].getData()
        assert len(x) == 5
        assert np.isnan(x[2])
    finally:
        fig.close()


def test_export_ellipse_writes_png_and_svg(tmp_path, capsys):
    base = ["export", "--function", "rosenbrock", "--optimizer", "gd:lr=0.001", "--start",
            "0,0", "--max-steps", "100", "--size", "800x600", "--ellipse"]
    for name in ("fig.png", "fig.svg"):
        code, _, err = _main(capsys, *base, "--out", tmp_path / name)
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0
