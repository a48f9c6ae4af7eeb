"""The references the benchmark measures against, written the way their authors would.

- :class:`SeedAdam`: the seed's per-step Python loop (``MomentumOptimizer.train`` of
  ``seed/000_b74258de3b3bb30b.txt``: a 2-vector of numpy floats, the Beale function and the
  ``gradients(x, y)`` function exactly as the seed defines them, histories appended every step,
  the ``|pre_z - z| < tol`` rule), with Adam's update in ``weights_update`` (the seed names Adam
  but gives no code for it). Its progress prints are left out: they are I/O, not arithmetic.
- :func:`numpy_adam`: a straightforward numpy implementation of the same Adam update over
  arrays of shape (N, 2): the natural one, a new array per operation, one thread, the
  gradient from the app's own ``TestFunction.grad``.
- :func:`seed_momentum_loop`: the seed's Momentum loop as printed, for the search row.
- :class:`NaiveView`: the paths and loss curves drawn with plain pyqtgraph items (one
  ``PlotDataItem`` per path, ``setData`` of the prefix every frame, pyqtgraph's defaults), for
  the frame row.
"""

from __future__ import annotations

import numpy as np


def seed_f(x, y):
    return (1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2  # noqa: E226


def seed_gradients(x, y):
    dx = 2. * ((1.5 - x + x * y) * (y - 1)
               + (2.25 - x + x * y**2) * (y**2 - 1)
               + (2.625 - x + x * y**3) * (y**3 - 1))
    dy = 2. * ((1.5 - x + x * y) * x
               + (2.25 - x + x * y**2) * 2. * x * y
               + (2.625 - x + x * y**3) * 3. * x * y**2)
    grads = np.array([dx, dy])
    return grads


class SeedAdam:
    """The seed's optimizer class, its ``train`` loop unchanged, with Adam's update."""

    def __init__(self, function, gradients, x_init, y_init, learning_rate=0.001, beta1=0.9,
                 beta2=0.999, epsilon=1e-8):
        self.f = function
        self.g = gradients
        self.vars = np.zeros([2])
        self.vars[0] = x_init
        self.vars[1] = y_init
        self.lr = learning_rate
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.m = np.zeros([2])
        self.v = np.zeros([2])
        self.t = 0
        self.z_history = []
        self.x_history = []
        self.y_history = []

    def func(self, variables):
        x, y = variables
        z = self.f(x, y)
        return z

    def gradients(self, variables):
        x, y = variables
        grads = self.g(x, y)
        return grads

    def weights_update(self, grads):
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grads
        self.v = self.beta2 * self.v + (1 - self.beta2) * grads**2
        m_hat = self.m / (1 - self.beta1**self.t)
        v_hat = self.v / (1 - self.beta2**self.t)
        self.vars = self.vars - self.lr * m_hat / (np.sqrt(v_hat) + self.epsilon)

    def history_update(self, z, x, y):
        self.z_history.append(z)
        self.x_history.append(x)
        self.y_history.append(y)

    def train(self, max_steps, tol=0.0):
        pre_z = 0.0
        for _step in range(max_steps):
            self.z = self.func(self.vars)
            self.history_update(self.z, self.x, self.y)
            self.grads = self.gradients(self.vars)
            self.weights_update(self.grads)
            if np.abs(pre_z - self.z) < tol:
                self.z = self.func(self.vars)
                self.history_update(self.z, self.x, self.y)
                break
            pre_z = self.z
        self.x_history = np.array(self.x_history)
        self.y_history = np.array(self.y_history)
        self.path = np.concatenate((np.expand_dims(self.x_history, 1),
                                    np.expand_dims(self.y_history, 1)), axis=1).T

    @property
    def x(self):
        return self.vars[0]

    @property
    def y(self):
        return self.vars[1]


class SeedMomentum(SeedAdam):
    """The seed's ``MomentumOptimizer`` (``weights_update1``: v = gamma v - lr g; w += v)."""

    def __init__(self, function, gradients, x_init, y_init, learning_rate=0.01, momentum=0.9):
        super().__init__(function, gradients, x_init, y_init, learning_rate)
        self.momentum = momentum
        self.velocity = np.zeros([2])

    def weights_update(self, grads):
        self.velocity = self.momentum * self.velocity - self.lr * grads
        self.vars = self.vars + self.velocity


def numpy_adam(function, w0: np.ndarray, steps: int, lr: float = 0.001, beta1: float = 0.9,
               beta2: float = 0.999, eps: float = 1e-8) -> np.ndarray:
    """Adam over (N, 2) arrays, the straightforward way."""
    w = w0.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            g = function.grad(w)
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            m_hat = m / (1 - beta1**t)
            v_hat = v / (1 - beta2**t)
            w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w


class NaiveView:
    """Paths and loss curves in plain pyqtgraph: what the canvas would cost unoptimised.

    Two ``PlotWidget``s of the given sizes; :meth:`draw` sets each path's prefix up to step
    ``k`` and moves the loss cursor, as a frame of the app does.
    """

    def __init__(self, pg, paths, losses, colours, canvas_size, loss_size) -> None:
        self.canvas = pg.PlotWidget(background="w")
        self.canvas.resize(*canvas_size)
        self.loss = pg.PlotWidget(background="w")
        self.loss.resize(*loss_size)
        self.loss.setLogMode(y=True)
        self.paths = paths
        self.curves = [self.canvas.plot(pen=pg.mkPen(c, width=2)) for c in colours]
        self.heads = pg.ScatterPlotItem(size=10)
        self.canvas.addItem(self.heads)
        for loss, c in zip(losses, colours, strict=True):
            self.loss.plot(np.arange(len(loss)), loss, pen=pg.mkPen(c, width=2))
        self.cursor = pg.InfiniteLine(pos=0, angle=90)
        self.loss.addItem(self.cursor)
        for w in (self.canvas, self.loss):
            w.show()

    def draw(self, k: int) -> None:
        for curve, path in zip(self.curves, self.paths, strict=True):
            curve.setData(path[:k + 1])
        heads = np.array([p[min(k, len(p) - 1)] for p in self.paths])
        self.heads.setData(pos=heads)
        self.cursor.setValue(k)

    def widgets(self):
        return self.canvas, self.loss
