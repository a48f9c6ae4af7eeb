"""What the hyperparameter ranges, the number parser, the schedules and the optimizers' shared
helpers promise, beyond the other core tests: the words of every range message (which ends of
an interval are open), which values an array check refuses at each end of an interval, the
characters a refused number is said to hold, the learning-rate parameter every optimizer
shares, ``step_power``'s agreement with Python's power, the schedules' values and their
descriptions.

Every test calls the function it checks itself: a mutation run (mutmut) attributes a function
to the tests that call it, and the registries are built when the modules are imported, so the
helpers that build them (``_lr``) are called here directly too.
"""

import re

import numpy as np
import pytest

from beale_gui.core.optimizers import OPTIMIZERS
from beale_gui.core.optimizers.adam import BETA1
from beale_gui.core.optimizers.base import WEIGHT_DECAY, _lr, step_power
from beale_gui.core.params import Param, check_params, odd_character, parse_number
from beale_gui.core.schedules import SCHEDULES, ScheduleConfig, get_schedule_spec

LR = OPTIMIZERS["adam"].params[0]                       # (0, 1e6]
STEP_SIZE = SCHEDULES["step"].params[0]                 # [1, 1e9], whole numbers


# -- range messages ---------------------------------------------------------------------------

def test_range_messages_show_open_and_closed_ends():
    assert LR.describe_range() == "(0, 1e+06]"
    assert BETA1.describe_range() == "[0, 1)"
    assert WEIGHT_DECAY.describe_range() == "[0, 1000]"
    assert Param("x", 0.5, 0.0, 1.0, low_open=True, high_open=True).describe_range() == "(0, 1)"
    with pytest.raises(ValueError, match="^Invalid ") as err:
        LR.check(0.0)
    assert str(err.value) == "Invalid lr: 0 is outside (0, 1e+06]"
    with pytest.raises(ValueError, match="^Invalid ") as err:
        BETA1.check(1.0)
    assert str(err.value) == "Invalid beta1: 1 is outside [0, 1)"


# -- arrays of values: each end of the interval -----------------------------------------------

def _refused(param, values):
    with pytest.raises(ValueError, match="^Invalid ") as err:
        param.check(np.array(values, dtype=np.float64))
    return str(err.value)


def test_array_check_refuses_non_finite_values_inside_the_range_test():
    assert _refused(WEIGHT_DECAY, [0.5, np.nan]) == "Invalid weight_decay: nan is not finite"
    assert _refused(WEIGHT_DECAY, [np.inf]) == "Invalid weight_decay: inf is not finite"


def test_array_check_open_low_end_refuses_the_end():
    assert _refused(LR, [0.5, 0.0]) == "Invalid lr: 0 is outside (0, 1e+06]"
    np.testing.assert_array_equal(LR.check(np.array([1e-12, 1e6])), [1e-12, 1e6])


def test_array_check_closed_low_end_takes_the_end():
    np.testing.assert_array_equal(WEIGHT_DECAY.check(np.array([0.0, 1.0])), [0.0, 1.0])
    assert _refused(WEIGHT_DECAY, [-1e-300]) == "Invalid weight_decay: -1e-300 is outside [0, 1000]"


def test_array_check_open_high_end_refuses_the_end():
    assert _refused(BETA1, [0.5, 1.0]) == "Invalid beta1: 1 is outside [0, 1)"
    np.testing.assert_array_equal(BETA1.check(np.array([0.0, 0.999999])), [0.0, 0.999999])


def test_array_check_closed_high_end_takes_the_end():
    np.testing.assert_array_equal(WEIGHT_DECAY.check(np.array([1e3])), [1e3])
    assert _refused(WEIGHT_DECAY, [1000.5]) == "Invalid weight_decay: 1000.5 is outside [0, 1000]"


def test_array_check_of_a_whole_number_parameter():
    out = STEP_SIZE.check(np.array([1.0, 100.0, 1e9]))
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, [1.0, 100.0, 1e9])
    assert _refused(STEP_SIZE, [100.0, 1.5]) == "Invalid step_size: 1.5 is not a whole number"
    # out of range yet whole: still refused for the range
    assert _refused(STEP_SIZE, [100.0, 0.0]) == "Invalid step_size: 0 is outside [1, 1e+09]"
    assert _refused(STEP_SIZE, [np.inf]) == "Invalid step_size: inf is not finite"


def test_array_check_refuses_a_ragged_list_with_its_own_message():
    with pytest.raises(ValueError, match="^Invalid ") as err:
        LR.check([0.1, [0.2, 0.3]])
    assert str(err.value) == "Invalid lr: expected a number or a 1-D array"
    with pytest.raises(ValueError, match="^Invalid ") as err:
        LR.check(["a", "b"])
    assert str(err.value) == "Invalid lr: expected a number or a 1-D array"


# -- the characters a refused number holds ----------------------------------------------------

def test_odd_character_names_a_lookalike_with_its_unicode_name():
    assert odd_character("\u22121") == "'\u2212' (U+2212 MINUS SIGN; type - instead)"
    assert odd_character("1\u04355") == "'\u0435' (U+0435 CYRILLIC SMALL LETTER IE; type e instead)"


def test_odd_character_shows_an_invisible_character_escaped():
    assert odd_character("1\u200b") == "'\\u200b' (U+200B ZERO WIDTH SPACE)"


def test_odd_character_without_a_unicode_name():
    # a control character has no name in the Unicode database: the code point alone
    assert odd_character("1\x00") == "'\\x00' (U+0000)"


def test_odd_character_superscript_digit():
    assert odd_character("1\u00b2") == "'\u00b2' (U+00B2 SUPERSCRIPT TWO; type plain digits)"


def test_odd_character_other_letters_get_no_hint():
    assert odd_character("1\u00e9") == "'\u00e9' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)"
    assert odd_character("12.5") == ""
    assert odd_character("\u0663") == ""      # an Arabic-Indic digit is a number to Python


# -- parse_number -----------------------------------------------------------------------------

def test_parse_number_refuses_what_is_not_text():
    with pytest.raises(ValueError, match="^Invalid ") as err:
        parse_number(5, "lr")
    assert str(err.value) == "Invalid lr: 5 is not a number"
    with pytest.raises(ValueError, match="^Invalid ") as err:
        parse_number(None, "gamma")
    assert str(err.value) == "Invalid gamma: None is not a number"


def test_parse_number_plain_refusal_names_no_character():
    with pytest.raises(ValueError, match="^Invalid ") as err:
        parse_number("abc", "lr")
    assert str(err.value) == "Invalid lr: 'abc' is not a number"


def test_parse_number_refusal_names_the_odd_character():
    with pytest.raises(ValueError, match="^Invalid ") as err:
        parse_number("\u22121", "lr")
    assert str(err.value) == ("Invalid lr: '\u22121' is not a number: it holds "
                              "'\u2212' (U+2212 MINUS SIGN; type - instead)")


# -- the learning rate every optimizer takes --------------------------------------------------

def test_lr_param_built_by_the_helper():
    p = _lr(0.25)
    assert p == Param("lr", 0.25, 0.0, 1e6, low_open=True, log=True, help="learning rate")
    assert (p.name, p.default, p.low, p.high) == ("lr", 0.25, 0.0, 1e6)
    assert (p.low_open, p.high_open, p.log, p.integer) == (True, False, True, False)
    assert p.help == "learning rate"
    assert _lr(0.5, "why").help == "why"
    assert _lr(0.5, "").help == "learning rate"


def test_every_optimizer_lr_range_and_help():
    defaults = {"gd": 0.01, "sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01,
                "rmsprop": 0.01, "adam": 0.001, "adamw": 0.001, "nadam": 0.002,
                "amsgrad": 0.001, "adadelta": 1.0, "adamax": 0.002, "radam": 0.001,
                "lion": 1e-4, "adabelief": 1e-3, "yogi": 0.01, "sfsgd": 0.01, "sfadamw": 0.0025,
                "rprop": 0.01, "asgd": 0.01, "newton": 1.0, "lbfgs": 1.0,
                "cg": 1.0}
    for name, spec in OPTIMIZERS.items():
        lr = spec.params[0]
        assert lr.name == "lr"
        assert lr.default == defaults[name]
        assert lr.log
        assert lr.low_open
        assert not lr.high_open
        assert lr.describe_range() == "(0, 1e+06]"
        assert spec.check({"lr": 1e6})["lr"] == 1e6
        with pytest.raises(ValueError, match=r"^Invalid lr: 0 is outside \(0, 1e\+06\]$"):
            spec.check({"lr": 0.0})
        with pytest.raises(ValueError, match=r"^Invalid lr: 1e\+06 is outside"):
            spec.check({"lr": 1000000.5})
        assert spec.check({"lr": 0.5})["lr"] == 0.5        # below 1 is fine
    assert OPTIMIZERS["adam"].params[0].help == "learning rate"
    assert OPTIMIZERS["gd"].params[0].help.startswith("learning rate (0.01, the seed's")


# -- step_power: each step's power is Python's ------------------------------------------------

# pairs where numpy's vectorised power differs from Python's in the last bit (on some CPUs)
_INT_CASES = [(0.983, 1215), (0.551, 371), (0.281, 551), (0.759, 1230), (0.55, 1160),
              (0.746, 1413)]
_SCALED_CASES = [(0.049, 1766), (0.431, 1094), (0.559, 1966), (0.075, 766), (0.35, 1105),
                 (0.399, 1604)]


def test_step_power_float_base_matches_python_for_each_step():
    for base, k in _INT_CASES:
        t = np.array([[k, k, k, k, k, k, k, k]])
        out = step_power(base, t)
        assert out.shape == (1, 8)
        assert out.dtype == np.float64
        assert out.tolist() == [[base ** k] * 8]


def test_step_power_scaled_matches_python_for_each_step():
    for scale, k in _SCALED_CASES:
        t = np.array([k] * 8)
        out = step_power(0.96, t, scale)
        assert out.tolist() == [0.96 ** (k * scale)] * 8


def test_step_power_scale_is_applied_to_array_steps():
    out = step_power(0.5, np.array([2, 4]), 0.5)
    assert out.tolist() == [0.5 ** 1.0, 0.5 ** 2.0]
    assert step_power(0.5, 4, 0.5) == 0.25


def test_step_power_array_base_broadcasts_against_steps():
    base = np.array([[0.5], [0.25]])
    out = step_power(base, np.array([[1, 2]]))
    np.testing.assert_array_equal(out, [[0.5, 0.25], [0.25, 0.0625]])
    flat = step_power(np.array([0.5, 0.25]), np.array([[1], [2], [3]]))
    np.testing.assert_array_equal(flat, [[0.5, 0.25], [0.25, 0.0625], [0.125, 0.015625]])


def test_step_power_array_scale_broadcasts_against_steps():
    scale = np.array([[1.0], [2.0]])
    out = step_power(0.5, np.array([[1, 2]]), scale)
    np.testing.assert_array_equal(out, [[0.5, 0.25], [0.25, 0.0625]])
    flat = step_power(0.5, np.array([[1], [2]]), np.array([1.0, 2.0]))
    np.testing.assert_array_equal(flat, [[0.5, 0.25], [0.25, 0.0625]])


# -- schedules --------------------------------------------------------------------------------

_HUGE = 2 ** 70       # beyond int64: numpy keeps such an int as a Python object


def test_schedules_give_float64_for_any_integer_step():
    for name, params in [("inverse_time", {"decay": 0.5}), ("exponential", {"gamma": 0.5}),
                         ("cosine", {"period": 10, "min_factor": 0.25})]:
        schedule = ScheduleConfig(name, params).build()
        one = schedule(_HUGE, 1.0)
        assert isinstance(one, np.floating), name
        assert one.dtype == np.float64, name
        many = schedule([0, _HUGE], 1.0)
        assert many.dtype == np.float64, name
        assert many[0] == 1.0, name


def test_cosine_schedule_values_with_a_floor():
    schedule = ScheduleConfig("cosine", {"period": 10, "min_factor": 0.5}).build()
    out = schedule(np.array([0, 5, 10, 20]), 2.0)
    np.testing.assert_allclose(out, [2.0, 1.5, 1.0, 1.0], rtol=1e-15)


def test_schedule_descriptions():
    assert ScheduleConfig().describe() == "constant"
    assert ScheduleConfig("constant").describe() == "constant"
    assert ScheduleConfig("step", {"step_size": 50, "gamma": 0.5}).describe() == \
        "step(step_size=50, gamma=0.5)"
    assert ScheduleConfig("cosine", {"period": 100}).describe() == \
        "cosine(period=100, min_factor=0)"


def test_step_power_over_array_steps_is_float64_even_for_an_int_base():
    out = step_power(2, np.array([[1, 3]]))
    assert out.dtype == np.float64
    assert out.tolist() == [[2.0, 8.0]]
    scaled = step_power(2, np.array([1, 3]), 1)
    assert scaled.dtype == np.float64
    assert scaled.tolist() == [2.0, 8.0]


# -- names and messages of schedules and parameter sets ---------------------------------------


def _exactly(text: str) -> str:
    return f"^{re.escape(text)}$"


def test_array_check_gives_float64_for_whole_numbers():
    for value in ([1, 2], (3,), np.array([4, 5])):
        arr = LR.check(value)
        assert arr.dtype == np.float64
        assert arr.tolist() == [float(v) for v in value]


def test_unknown_parameter_names_the_owner_and_lists_the_choices():
    specs = (Param("beta", 0.5, 0.0, 1.0), Param("alpha", 0.5, 0.0, 1.0))
    said = _exactly("unknown parameter 'gamma' for thing (it takes: alpha, beta)")
    with pytest.raises(ValueError, match=said):
        check_params(specs, {"gamma": 1.0}, "thing")
    with pytest.raises(ValueError, match=_exactly("unknown parameter 'gamma' for thing "
                                                  "(it takes: none)")):
        check_params((), {"gamma": 1.0}, "thing")


def test_schedule_config_refuses_an_unknown_parameter_as_the_schedule_s():
    said = _exactly("unknown parameter 'decay' for schedule (it takes: gamma, step_size)")
    with pytest.raises(ValueError, match=said):
        ScheduleConfig("step", {"decay": 0.1})
    said = _exactly("unknown parameter 'decay' for schedule (it takes: none)")
    with pytest.raises(ValueError, match=said):
        ScheduleConfig("constant", {"decay": 0.1})


def test_schedule_names_are_read_loosely_and_kept_canonical():
    assert get_schedule_spec(" Inverse-Time ").name == "inverse_time"
    assert get_schedule_spec("inverse_time").name == "inverse_time"
    config = ScheduleConfig("Inverse-Time", {"decay": 0.5})
    assert config.name == "inverse_time"
    assert config.describe() == "inverse_time(decay=0.5)"
    assert ScheduleConfig("STEP").name == "step"


def test_unknown_schedule_lists_every_schedule():
    said = _exactly("unknown schedule 'linear'; choose from constant, inverse_time, step, "
                    "exponential, cosine")
    with pytest.raises(ValueError, match=said):
        get_schedule_spec("linear")


def test_constant_schedule_broadcasts_steps_and_rates_as_float64():
    schedule = ScheduleConfig("constant").build()
    table = schedule(np.arange(4), 1)
    assert table.dtype == np.float64
    assert table.tolist() == [1.0] * 4
    grid = schedule(np.arange(3)[None, :], np.array([0.5, 2.0])[:, None])
    assert grid.shape == (2, 3)
    assert grid.tolist() == [[0.5] * 3, [2.0] * 3]
    assert schedule(7, 0.25).shape == ()


def test_readable_values_have_four_significant_digits_within_the_range():
    """Issue 15: a search pick reads 0.01624, not 0.01623776739188723; a rounding that would
    leave the range keeps more digits."""
    lr = Param("lr", 0.01, 0.0, 1e6, low_open=True)
    assert lr.readable(0.01623776739188723) == 0.01624
    assert lr.readable(123456.7) == 123500.0
    assert lr.readable(0.0) == 0.0
    beta = Param("beta", 0.9, 0.0, 1.0, high_open=True)
    assert beta.readable(0.99996) == 0.99996          # 1.000 would be refused
    assert beta.readable(0.999961234) == 0.99996
    steps = Param("steps", 10, 1, 1e6, integer=True)
    assert steps.readable(12345.0) in (12340.0, 12350.0)
