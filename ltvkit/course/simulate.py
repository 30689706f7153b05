"""The simulated online school of the course: customers, orders, partners and engagement with a known truth.

:func:`simulate_school` (seeded) returns the school's frames plus each customer's hidden truth
(:class:`SchoolTruth`, the sources in :data:`SCHOOL_SOURCES`), so a notebook can compare what an
analysis estimates with what is true. :mod:`ltvkit.course.school_files` writes the frames as the
CRM's export into ``data/`` byte for byte (``python -m ltvkit.course.school_files``).

Example:
    >>> school = simulate_school()
    >>> len(school.customers), school.truth.seed
    (4376, 2024)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _
from ltvkit.models.simulate import poisson_from_uniform


@dataclass(frozen=True)
class AcquisitionSource:
    """Where the school's customers come from, with the true parameters the simulation uses.

    ``rate_multiplier`` scales each customer's repeat purchase rate; after each purchase a
    customer leaves with probability ``p ~ Beta(dropout_a, dropout_b)``; ``discount`` is the
    partner's promo code on the first order; ``starter_share`` the share of first orders that
    are the cheap mini-course; ``fixed_spend`` (RUB, both years) is the ad budget of a paid
    channel or the fixed placement fees of a partner; ``first_sale_commission`` the share of
    the first order the school now pays the partner; ``incremental_share`` the share of the
    source's customers who came because of it (the others would have bought anyway, through
    another channel at the full price: a truth no file holds, only a holdout test can measure it).
    ``kind`` is English, marked for the catalogue (the course's loaders give it in the reader's language).
    """

    channel: str
    partner: str
    kind: str
    share: float
    rate_multiplier: float
    dropout_a: float
    dropout_b: float
    discount: float
    starter_share: float
    fixed_spend: float
    first_sale_commission: float
    incremental_share: float = 1.0


PAID_SEARCH, PAID_SOCIAL, ORGANIC, AFFILIATE = (
    "Контекстная реклама", "Таргетированная реклама", "Органический поиск", "Партнёрская программа",
)

SCHOOL_SOURCES: tuple[AcquisitionSource, ...] = (
    AcquisitionSource(PAID_SEARCH, "", N_("paid search ads"), 0.20, 1.00, 2, 5, 0.00, 0.25, 4_000_000, 0.0),
    AcquisitionSource(PAID_SOCIAL, "", N_("paid social ads"), 0.17, 0.85, 2, 4, 0.00, 0.35, 2_600_000, 0.0),
    AcquisitionSource(ORGANIC, "", N_("organic search (SEO content)"), 0.14, 1.10, 2, 6, 0.00, 0.20, 900_000, 0.0),
    AcquisitionSource(AFFILIATE, "cashback_plus", N_("cashback service"), 0.13, 0.60, 3, 3, 0.10, 0.50, 0, 0.20, 0.40),
    AcquisitionSource(AFFILIATE, "kupony_dnya", N_("coupon site"), 0.09, 0.50, 4, 3, 0.25, 0.70, 60_000, 0.15, 0.15),
    AcquisitionSource(AFFILIATE, "kursy_agregator", N_("course aggregator"), 0.10, 0.90, 2, 4, 0.05, 0.20, 120_000,
                      0.25, 0.80),
    AcquisitionSource(AFFILIATE, "blog_pro_python", N_("programming blogger"), 0.06, 1.40, 2, 8, 0.10, 0.15, 600_000,
                      0.10, 0.95),
    AcquisitionSource(AFFILIATE, "tg_data_digest", N_("Telegram channel on data"), 0.06, 1.25, 2, 7, 0.10, 0.20,
                      450_000, 0.10, 0.90),
    AcquisitionSource(AFFILIATE, "hr_it_partner", N_("corporate HR partner"), 0.05, 1.30, 2, 6, 0.00, 0.05, 200_000,
                      0.15, 0.90),
)
"""The school's acquisition sources and their true parameters (shares add up to 1).

The three channels are fully incremental in the simulation (a simplification: in reality brand
search ads and SEO content also catch people who would have come anyway).
"""

SCHOOL_PRODUCTS: tuple[tuple[str, int], ...] = (
    ("Мини-курс «Git за выходные»", 1990),
    ("Excel и Power BI", 9900),
    ("Английский для IT", 12900),
    ("SQL для аналитиков", 14900),
    ("Python с нуля", 24900),
    ("Аналитик данных", 59900),
    ("Практикум: месяц подписки", 2490),
)
"""Products and their 2023 list prices in RUB; prices rise about 10% on 2024-03-01."""

_FIRST_WEIGHTS = (0.0, 0.20, 0.15, 0.25, 0.30, 0.10, 0.0)  # main courses bought first (after the starter)
_REPEAT_WEIGHTS = (0.05, 0.12, 0.10, 0.18, 0.20, 0.10, 0.25)


@dataclass(frozen=True)
class SchoolTruth:
    """The true parameters of the simulated online school (documented in data/README.md).

    Customers: ``new_customers_per_month`` x a seasonal factor x ``growth_per_month`` ** month
    join each month from ``start`` to ``end``; their source is drawn with the sources' shares.
    Each customer has a hidden motivation ``u ~ N(0, 1)`` and a device (mobile with
    probability ``mobile_share``).

    Engagement in the first 30 days: log minutes with the product = ``minutes_log_mean`` +
    ``minutes_on_u`` u + ``minutes_noise`` e (times ``minutes_lift``); sessions ~
    Poisson(exp(``sessions_log_mean`` + ``sessions_on_u`` u + ``sessions_on_mobile`` mobile)) x
    ``sessions_lift``; return days ~ Binomial(29, logistic(``returns_logit`` + 0.5 u + 0.5 mobile));
    bounce share ~ Beta around logistic(``bounce_logit`` - 0.4 u + 0.6 mobile); conversion from
    interactions is the share of the emails and pushes of the same 30 days that led to a target
    action, each repeat purchase made within those 30 days counted as one (so early purchases,
    which a high purchase rate makes, raise it; the interactions themselves cause nothing).

    Purchases: a repeat purchase rate per month lambda = Gamma(``rate_shape``, ``rate_scale``) x
    the source's multiplier x exp(``rate_on_u`` u + ``rate_on_minutes`` z), z the standardised
    log minutes; gaps are exponential; after each purchase the customer leaves with the
    source's dropout probability. Only u and minutes act on purchases: sessions, returns,
    bounce and device do not, whatever they correlate with. ``refund_share`` of course orders
    are refunded 2-14 days later.
    """

    seed: int = 2024
    start: str = "2023-01-01"
    end: str = "2024-12-31"
    new_customers_per_month: float = 150.0
    growth_per_month: float = 1.02
    seasonality: tuple[float, ...] = (1.2, 1.1, 1.0, 0.9, 0.8, 0.6, 0.6, 0.9, 1.4, 1.2, 1.1, 0.8)
    mobile_share: float = 0.45
    minutes_log_mean: float = 5.0
    minutes_on_u: float = 0.6
    minutes_noise: float = 0.5
    minutes_lift: float = 1.0
    sessions_log_mean: float = 2.0
    sessions_on_u: float = 0.6
    sessions_on_mobile: float = 0.6
    sessions_lift: float = 1.0
    returns_logit: float = -1.6
    bounce_logit: float = -1.2
    rate_shape: float = 2.0
    rate_scale: float = 0.1
    rate_on_u: float = 0.8
    rate_on_minutes: float = 0.6
    refund_share: float = 0.04
    price_rise_date: str = "2024-03-01"
    price_rise: float = 1.10
    sources: tuple[AcquisitionSource, ...] = SCHOOL_SOURCES

    def __post_init__(self) -> None:
        total = sum(source.share for source in self.sources)
        if not math.isclose(total, 1.0, abs_tol=1e-9):
            raise LTVInputError(_("sources' shares must add up to 1; got {total}", total=total))
        for name in ("minutes_lift", "sessions_lift", "price_rise"):
            check_number(name, getattr(self, name), minimum=0, min_open=True)
        check_number("refund_share", self.refund_share, minimum=0, maximum=1)


@dataclass(frozen=True)
class SchoolData:
    """The simulated school: its order export, its partners' costs, engagement, and the hidden truth.

    ``orders`` has one row per order or refund (``customer``, ``date``, ``amount``, ``order``,
    ``product``, ``status``, ``channel``, ``partner``); ``customers`` holds each customer's true
    parameters (source, motivation ``u``, ``mobile``, purchase ``rate`` per month, ``dropout``,
    ``would_have_come``: would have bought without their source);
    ``engagement`` the product analytics per customer; ``partners`` the costs per source.
    """

    truth: SchoolTruth
    orders: pd.DataFrame
    customers: pd.DataFrame
    engagement: pd.DataFrame
    partners: pd.DataFrame


ENGAGEMENT_DAYS = 30
"""Engagement is measured in the first 30 days after a customer's first purchase (day 0 to day 29)."""

_MAX_PURCHASES = 120
_DAYS_PER_MONTH = 365.25 / 12


def _price(list_price: np.ndarray, day: np.ndarray, truth: SchoolTruth) -> np.ndarray:
    rise_day = np.datetime64(truth.price_rise_date, "D").view(np.int64)
    raised = np.round(list_price * truth.price_rise / 100) * 100 - 10
    return np.where(day >= rise_day, raised, list_price).astype(float)


@dataclass(frozen=True, eq=False)
class _Draws:
    """Every random draw of the simulation, made up front in fixed shapes (see :func:`simulate_school`)."""

    first_day: np.ndarray
    source: np.ndarray
    u: np.ndarray
    mobile: np.ndarray
    noise: np.ndarray
    base_rate: np.ndarray
    dropout: np.ndarray
    gaps: np.ndarray
    leaves: np.ndarray
    product: np.ndarray
    starter: np.ndarray
    minute_of_day: np.ndarray
    refund: np.ndarray
    refund_delay: np.ndarray
    interactions: np.ndarray
    interaction_conversions: np.ndarray
    bounce: np.ndarray
    returns: np.ndarray
    sessions: np.ndarray
    anyway: np.ndarray


def _first_days(truth: SchoolTruth, rng: np.random.Generator) -> np.ndarray:
    """Each new customer's first purchase day (days since 1970), by a seasonal, growing monthly intake."""
    start = np.datetime64(truth.start, "M")
    months = int((np.datetime64(truth.end, "M") - start).astype(int)) + 1
    month_index = np.arange(months)
    calendar = (start + month_index).astype(int) % 12
    seasonal = np.array(truth.seasonality)[calendar]
    counts = rng.poisson(truth.new_customers_per_month * seasonal * truth.growth_per_month**month_index)
    n = int(counts.sum())
    month_start = (start + month_index).astype("datetime64[D]").view(np.int64)
    month_days = (start + month_index + 1).astype("datetime64[D]").view(np.int64) - month_start
    join_month = np.repeat(month_index, counts)
    return np.sort(month_start[join_month] + np.floor(rng.random(n) * month_days[join_month]).astype(np.int64))


def _draw(truth: SchoolTruth) -> _Draws:
    rng = np.random.default_rng(truth.seed)
    first_day = _first_days(truth, rng)
    n = len(first_day)
    source = rng.choice(len(truth.sources), size=n, p=np.array([s.share for s in truth.sources]))
    u, mobile, noise = rng.standard_normal(n), rng.random(n) < truth.mobile_share, rng.standard_normal((n, 4))
    base_rate = rng.gamma(truth.rate_shape, truth.rate_scale, n)
    dropout = rng.beta(np.array([s.dropout_a for s in truth.sources])[source],
                       np.array([s.dropout_b for s in truth.sources])[source])
    gaps, leaves = rng.standard_exponential((n, _MAX_PURCHASES)), rng.random((n, _MAX_PURCHASES))
    product, starter = rng.random((n, _MAX_PURCHASES)), rng.random(n)
    minute_of_day = rng.integers(8 * 60, 24 * 60, (n, _MAX_PURCHASES))
    refund, refund_delay = rng.random((n, _MAX_PURCHASES)), rng.integers(2, 15, (n, _MAX_PURCHASES))
    interactions = rng.poisson(np.exp(2.5 + 0.3 * u)) + 1
    interaction_conversions = rng.binomial(interactions, 0.04)
    return _Draws(first_day, source, u, mobile, noise, base_rate, dropout, gaps, leaves, product, starter,
                  minute_of_day, refund, refund_delay, interactions, interaction_conversions, bounce=rng.random(n),
                  returns=rng.random((n, 29)), sessions=rng.random(n), anyway=rng.random(n))


def _engagement(truth: SchoolTruth, draws: _Draws) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The first 30 days' engagement per customer, and the purchase rate per month it goes with."""
    u, mobile, noise = draws.u, draws.mobile, draws.noise
    minutes_sd = math.hypot(truth.minutes_on_u, truth.minutes_noise)
    log_minutes = truth.minutes_log_mean + truth.minutes_on_u * u + truth.minutes_noise * noise[:, 0]
    z_minutes = (log_minutes - truth.minutes_log_mean) / minutes_sd
    minutes = np.round(np.exp(log_minutes + math.log(truth.minutes_lift))).astype(np.int64)
    multiplier = np.array([s.rate_multiplier for s in truth.sources])[draws.source]
    rate = draws.base_rate * multiplier * np.exp(truth.rate_on_u * u + truth.rate_on_minutes * (
        z_minutes + math.log(truth.minutes_lift) / minutes_sd))
    session_mean = np.exp(truth.sessions_log_mean + truth.sessions_on_u * u + truth.sessions_on_mobile * mobile)
    return_p = 1 / (1 + np.exp(-(truth.returns_logit + 0.5 * u + 0.5 * mobile)))
    bounce_mean = 1 / (1 + np.exp(-(truth.bounce_logit - 0.4 * u + 0.6 * mobile)))
    metrics = {
        "sessions": poisson_from_uniform(session_mean * truth.sessions_lift, draws.sessions),
        "minutes": minutes,
        "return_days": (draws.returns < return_p[:, None]).sum(axis=1),
        "bounce": np.clip(bounce_mean + 0.08 * (draws.bounce - 0.5) + 0.05 * noise[:, 1], 0.0, 0.95),
    }
    return metrics, rate


def _purchase_days(draws: _Draws, rate: np.ndarray, end_day: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first purchase, then exponential gaps until the customer leaves: rows, positions, days of purchases."""
    n = len(rate)
    times = np.cumsum(draws.gaps * _DAYS_PER_MONTH / rate[:, None], axis=1)
    stayed = np.cumprod(draws.leaves >= draws.dropout[:, None], axis=1).astype(bool)
    purchase_day = draws.first_day[:, None] + np.floor(times).astype(np.int64)
    repeat = stayed & (purchase_day <= end_day)
    if repeat[:, -1].any():
        raise LTVInputError(_("the simulation needs a larger _MAX_PURCHASES for these parameters"))
    days = np.concatenate([draws.first_day[:, None], purchase_day[:, :-1]], axis=1)
    is_purchase = np.concatenate([np.ones((n, 1), dtype=bool), repeat[:, :-1]], axis=1)
    rows, position = np.nonzero(is_purchase)
    return rows, position, days[rows, position]


def _order_log(truth: SchoolTruth, draws: _Draws, rows: np.ndarray, position: np.ndarray, order_day: np.ndarray,
               end_day: int) -> pd.DataFrame:
    """Purchases (what, at what price and minute) and their refunds, numbered in time order."""
    starter_share = np.array([s.starter_share for s in truth.sources])[draws.source]
    first_weights, repeat_weights = np.cumsum(_FIRST_WEIGHTS), np.cumsum(_REPEAT_WEIGHTS)
    draw = draws.product[rows, position]
    product = np.where(
        position == 0,
        np.where(draws.starter[rows] < starter_share[rows], 0,
                 np.searchsorted(first_weights, draw * first_weights[-1])),
        np.searchsorted(repeat_weights, draw * repeat_weights[-1]),
    )
    price = _price(np.array([price for _, price in SCHOOL_PRODUCTS], dtype=float)[product], order_day, truth)
    discount = np.array([s.discount for s in truth.sources])[draws.source][rows]
    amount = np.where(position == 0, np.round(price * (1 - discount)), price)
    minute = draws.minute_of_day[rows, position]
    refund_day = order_day + draws.refund_delay[rows, position]
    refunded = (draws.refund[rows, position] < truth.refund_share) & (product != 6) & (refund_day <= end_day)
    purchases = pd.DataFrame({"customer_index": rows, "stamp": order_day * 1440 + minute, "amount": amount,
                              "product": product, "status": "Оплачен"})
    order_sequence = np.argsort(purchases["stamp"].to_numpy() * len(draws.u) + rows, kind="stable")
    numbers = np.empty(len(purchases), dtype=np.int64)
    numbers[order_sequence] = np.arange(1, len(purchases) + 1)
    purchases["order_number"] = numbers
    refunds = pd.DataFrame({
        "customer_index": rows[refunded], "stamp": refund_day[refunded] * 1440 + minute[refunded],
        "amount": -amount[refunded], "product": product[refunded], "status": "Возврат",
        "order_number": numbers[refunded],
    })
    log = pd.concat([purchases, refunds], ignore_index=True)
    return log.sort_values(["stamp", "order_number", "status"], kind="stable").reset_index(drop=True)


def simulate_school(truth: SchoolTruth | None = None) -> SchoolData:
    """Simulate the online school of notebooks 09-11 and the capstone from its true parameters.

    Every random draw is made up front in fixed shapes, so changing an engagement lift
    (``SchoolTruth(minutes_lift=1.2)``) changes nothing else: the same customers, with the
    same luck, live the same lives except for what the lift causes.

    Example:
        >>> school = simulate_school()
        >>> len(school.customers), round(float(school.orders["amount"].sum()) / 1e6, 1)
        (4376, 145.7)
    """
    truth = truth or SchoolTruth()
    end_day = int(np.datetime64(truth.end, "D").view(np.int64))
    draws = _draw(truth)
    metrics, rate = _engagement(truth, draws)
    rows, position, order_day = _purchase_days(draws, rate, end_day)
    log = _order_log(truth, draws, rows, position, order_day, end_day)
    repeats_bought = np.bincount(rows[position > 0], minlength=len(rate))
    early = (position > 0) & (order_day - draws.first_day[rows] < ENGAGEMENT_DAYS)
    metrics["conversions"] = np.minimum(draws.interaction_conversions + np.bincount(rows[early], minlength=len(rate)),
                                        draws.interactions)
    return _school_data(truth, draws, log, metrics, rate, repeats_bought)


def _school_data(truth: SchoolTruth, draws: _Draws, log: pd.DataFrame, metrics: dict[str, np.ndarray],
                 rate: np.ndarray, repeats_bought: np.ndarray) -> SchoolData:
    """The simulation's frames: the orders as the CRM holds them, each customer's truth, engagement, costs."""
    n, source = len(rate), draws.source
    ids = np.array([f"C{index + 1:05d}" for index in range(n)])
    channel = np.array([s.channel for s in truth.sources])[source]
    partner = np.array([s.partner for s in truth.sources])[source]
    names = np.array([name for name, _ in SCHOOL_PRODUCTS])
    orders = pd.DataFrame({
        "order": [f"ORD-{number:06d}" for number in log["order_number"]],
        "date": (log["stamp"].to_numpy() * 60).astype("datetime64[s]").astype("datetime64[ns]"),
        "customer": ids[log["customer_index"]],
        "product": names[log["product"]],
        "amount": log["amount"].to_numpy(dtype=float),
        "status": log["status"].to_numpy(),
        "channel": channel[log["customer_index"]],
        "partner": partner[log["customer_index"]],
    })
    customers = pd.DataFrame({
        "customer": ids,
        "first_purchase": draws.first_day.astype("datetime64[D]").astype("datetime64[ns]"),
        "channel": channel,
        "partner": partner,
        "source_kind": np.array([s.kind for s in truth.sources])[source],
        "u": draws.u,
        "mobile": draws.mobile,
        "rate_per_month": rate,
        "dropout": draws.dropout,
        "repeat_purchases": repeats_bought,
        "would_have_come": draws.anyway >= np.array([s.incremental_share for s in truth.sources])[source],
    })
    sessions, minutes = metrics["sessions"], metrics["minutes"]
    engagement = pd.DataFrame({
        "customer": ids,
        "sessions_30d": sessions,
        "minutes_30d": minutes,
        "minutes_per_session": np.round(minutes / np.maximum(sessions, 1), 1),
        "return_days_30d": metrics["return_days"],
        "conversion_pct": np.round(100 * metrics["conversions"] / draws.interactions, 1),
        "bounce_pct": np.round(100 * metrics["bounce"], 1),
        "device": np.where(draws.mobile, "Мобильное", "Компьютер"),
    })
    partners = pd.DataFrame({
        "channel": [s.channel for s in truth.sources],
        "partner": [s.partner for s in truth.sources],
        "kind": [s.kind for s in truth.sources],
        "fixed_spend": [float(s.fixed_spend) for s in truth.sources],
        "first_sale_commission_pct": [100 * s.first_sale_commission for s in truth.sources],
        "discount_pct": [100 * s.discount for s in truth.sources],
    })
    return SchoolData(truth, orders, customers, engagement, partners)
