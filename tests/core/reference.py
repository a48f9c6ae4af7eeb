"""Plain-Python transcriptions of torch.optim's documented algorithms, one point at a time.

Written from the pseudo-code in torch's documentation, independently of beale_gui.core, so
the vectorised optimizers can be checked against them step by step.
"""

import math


def reference_steps(name, hp, grad_fn, w0, steps):
    """Return the list of points [w0, w1, ...] of ``steps`` updates, each a [x, y] list."""
    w = list(w0)
    path = [list(w)]
    st = {}
    for t in range(1, steps + 1):
        g = list(grad_fn(w))
        wd = hp.get("weight_decay", 0.0)
        decoupled = name == "adamw" or hp.get("decoupled_weight_decay")
        if not decoupled and wd:
            g = [gi + wd * wi for gi, wi in zip(g, w, strict=False)]
        new = []
        for i in range(2):
            new.append(_one(name, hp, st, i, w[i], g[i], t))
        w = new
        path.append(list(w))
    return path


def _one(name, hp, st, i, w, g, t):
    lr = hp["lr"]
    if name in ("gd", "sgd"):
        return w - lr * g
    if name in ("momentum", "nesterov"):
        m = hp["momentum"]
        damp = hp.get("dampening", 0.0)
        b = g if t == 1 else m * st[("b", i)] + (1 - damp) * g
        st[("b", i)] = b
        d = g + m * b if name == "nesterov" else b
        return w - lr * d
    if name == "adagrad":
        s = st.get(("s", i), hp["initial_accumulator_value"]) + g * g
        st[("s", i)] = s
        lr = lr / (1 + (t - 1) * hp.get("lr_decay", 0.0))
        return w - lr * g / (math.sqrt(s) + hp["eps"])
    if name == "rmsprop":
        a = hp["alpha"]
        v = a * st.get(("v", i), 0.0) + (1 - a) * g * g
        st[("v", i)] = v
        if hp.get("centered"):
            mean = a * st.get(("mean", i), 0.0) + (1 - a) * g
            st[("mean", i)] = mean
            v = v - mean * mean
        avg = math.sqrt(v) + hp["eps"]
        if hp["momentum"]:
            b = hp["momentum"] * st.get(("b", i), 0.0) + g / avg
            st[("b", i)] = b
            return w - lr * b
        return w - lr * g / avg
    if name in ("adam", "adamw", "amsgrad"):
        b1, b2 = hp["beta1"], hp["beta2"]
        if name == "adamw":
            w = w * (1 - lr * hp["weight_decay"])
        m = b1 * st.get(("m", i), 0.0) + (1 - b1) * g
        v = b2 * st.get(("v", i), 0.0) + (1 - b2) * g * g
        st[("m", i)], st[("v", i)] = m, v
        if name == "amsgrad":
            v = max(st.get(("vmax", i), 0.0), v)
            st[("vmax", i)] = v
        mhat = m / (1 - b1**t)
        vhat = v / (1 - b2**t)
        return w - lr * mhat / (math.sqrt(vhat) + hp["eps"])
    if name in ("nadam", "radam") and hp.get("decoupled_weight_decay"):
        w = w * (1 - lr * hp["weight_decay"])
    if name == "nadam":
        b1, b2, psi = hp["beta1"], hp["beta2"], hp["momentum_decay"]
        mu = b1 * (1 - 0.5 * 0.96 ** (t * psi))
        mu1 = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
        prod = st.get(("prod", i), 1.0) * mu
        st[("prod", i)] = prod
        m = b1 * st.get(("m", i), 0.0) + (1 - b1) * g
        v = b2 * st.get(("v", i), 0.0) + (1 - b2) * g * g
        st[("m", i)], st[("v", i)] = m, v
        vhat = v / (1 - b2**t)
        denom = math.sqrt(vhat) + hp["eps"]
        return (w - lr * (1 - mu) / (1 - prod) * g / denom
                - lr * mu1 / (1 - prod * mu1) * m / denom)
    if name == "adamax":
        b1 = hp["beta1"]
        m = b1 * st.get(("m", i), 0.0) + (1 - b1) * g
        u = max(hp["beta2"] * st.get(("u", i), 0.0), abs(g) + hp["eps"])
        st[("m", i)], st[("u", i)] = m, u
        return w - lr / (1 - b1**t) * m / u
    if name == "radam":
        b1, b2 = hp["beta1"], hp["beta2"]
        m = b1 * st.get(("m", i), 0.0) + (1 - b1) * g
        v = b2 * st.get(("v", i), 0.0) + (1 - b2) * g * g
        st[("m", i)], st[("v", i)] = m, v
        mhat = m / (1 - b1**t)
        rho_inf = 2 / (1 - b2) - 1
        rho = rho_inf - 2 * t * b2**t / (1 - b2**t)
        if rho <= 5:                                   # SGD with momentum
            return w - lr * mhat
        r = math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
        adaptive = math.sqrt(1 - b2**t) / (math.sqrt(v) + hp["eps"])   # torch's l_t
        return w - lr * mhat * r * adaptive
    if name == "adadelta":
        rho, eps = hp["rho"], hp["eps"]
        v = rho * st.get(("v", i), 0.0) + (1 - rho) * g * g
        u = st.get(("u", i), 0.0)
        delta = math.sqrt(u + eps) / math.sqrt(v + eps) * g
        st[("v", i)] = v
        st[("u", i)] = rho * u + (1 - rho) * delta * delta
        return w - lr * delta
    if name == "rprop":
        prev, size = st.get(("prev", i), 0.0), st.get(("size", i), lr)
        if g * prev > 0:
            size *= hp["etaplus"]
        elif g * prev < 0:
            size, g = size * hp["etaminus"], 0.0
        size = min(max(size, hp["step_size_min"]), hp["step_size_max"])
        st[("prev", i)], st[("size", i)] = g, size
        return w - size * (1.0 if g > 0 else -1.0 if g < 0 else 0.0)
    if name == "asgd":
        eta, mu = st.get(("eta", i), lr), st.get(("mu", i), 1.0)
        w = w * (1 - hp["lambd"] * eta) - eta * g
        ax = st.get(("ax", i), 0.0)
        st[("ax", i)] = ax + mu * (w - ax) if mu != 1 else w
        st[("eta", i)] = lr / (1 + hp["lambd"] * lr * t) ** hp["alpha"]
        st[("mu", i)] = 1 / max(1, t - hp["t0"])
        return w
    raise KeyError(name)
