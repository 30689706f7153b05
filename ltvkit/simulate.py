"""Seeded synthetic data with known true parameters; ``python -m ltvkit.simulate`` writes data/.

Every generator takes a seed and returns the same data on every machine, so the files in
``data/`` are reproduced byte for byte and a reader can compare estimates with the truth.
"""

from __future__ import annotations

import codecs
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_number

# --- order exports, partners and engagement (notebooks 09-11) --------------------------


DataWriter = Callable[[Path], list[Path]]
_WRITERS: dict[str, DataWriter] = {}


def data_writer(name: str) -> Callable[[DataWriter], DataWriter]:
    """Register a function that writes synthetic files into a data directory and returns their paths.

    ``python -m ltvkit.simulate`` runs every registered writer (or those named with ``--only``).

    Example:
        >>> sorted(_WRITERS)[:1]
        ['school']
    """

    def register(function: DataWriter) -> DataWriter:
        if name in _WRITERS:
            raise LTVInputError(f"name must be new; a data writer {name!r} is already registered")
        _WRITERS[name] = function
        return function

    return register


@dataclass(frozen=True)
class AcquisitionSource:
    """Where the school's customers come from, with the true parameters the simulation uses.

    ``rate_multiplier`` scales each customer's repeat purchase rate; after each purchase a
    customer leaves with probability ``p ~ Beta(dropout_a, dropout_b)``; ``discount`` is the
    partner's promo code on the first order; ``starter_share`` the share of first orders that
    are the cheap mini-course; ``fixed_spend`` (RUB, both years) is the ad budget of a paid
    channel or the fixed placement fees of a partner; ``first_sale_commission`` the share of
    the first order the school now pays the partner.
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


PAID_SEARCH, PAID_SOCIAL, ORGANIC, AFFILIATE = (
    "Контекстная реклама", "Таргетированная реклама", "Органический поиск", "Партнёрская программа",
)

SCHOOL_SOURCES: tuple[AcquisitionSource, ...] = (
    AcquisitionSource(PAID_SEARCH, "", "paid search ads", 0.20, 1.00, 2, 5, 0.00, 0.25, 4_000_000, 0.0),
    AcquisitionSource(PAID_SOCIAL, "", "paid social ads", 0.17, 0.85, 2, 4, 0.00, 0.35, 2_600_000, 0.0),
    AcquisitionSource(ORGANIC, "", "organic search (SEO content)", 0.14, 1.10, 2, 6, 0.00, 0.20, 900_000, 0.0),
    AcquisitionSource(AFFILIATE, "cashback_plus", "cashback service", 0.13, 0.60, 3, 3, 0.10, 0.50, 0, 0.20),
    AcquisitionSource(AFFILIATE, "kupony_dnya", "coupon site", 0.09, 0.50, 4, 3, 0.25, 0.70, 60_000, 0.15),
    AcquisitionSource(AFFILIATE, "kursy_agregator", "course aggregator", 0.10, 0.90, 2, 4, 0.05, 0.20, 120_000, 0.25),
    AcquisitionSource(AFFILIATE, "blog_pro_python", "programming blogger", 0.06, 1.40, 2, 8, 0.10, 0.15, 600_000, 0.10),
    AcquisitionSource(AFFILIATE, "tg_data_digest", "Telegram channel on data", 0.06, 1.25, 2, 7, 0.10, 0.20, 450_000,
                      0.10),
    AcquisitionSource(AFFILIATE, "hr_it_partner", "corporate HR partner", 0.05, 1.30, 2, 6, 0.00, 0.05, 200_000, 0.15),
)
"""The school's acquisition sources and their true parameters (shares add up to 1)."""

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
    interactions counts each repeat purchase as a converted interaction (so purchases cause it).

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
            raise LTVInputError(f"sources' shares must add up to 1; got {total}")
        for name in ("minutes_lift", "sessions_lift", "price_rise"):
            check_number(name, getattr(self, name), minimum=0, min_open=True)
        check_number("refund_share", self.refund_share, minimum=0, maximum=1)


@dataclass(frozen=True)
class SchoolData:
    """The simulated school: its order export, its partners' costs, engagement, and the hidden truth.

    ``orders`` has one row per order or refund (``customer``, ``date``, ``amount``, ``order``,
    ``product``, ``status``, ``channel``, ``partner``); ``customers`` holds each customer's true
    parameters (source, motivation ``u``, ``mobile``, purchase ``rate`` per month, ``dropout``);
    ``engagement`` the product analytics per customer; ``partners`` the costs per source.
    """

    truth: SchoolTruth
    orders: pd.DataFrame
    customers: pd.DataFrame
    engagement: pd.DataFrame
    partners: pd.DataFrame


_MAX_PURCHASES = 120
_DAYS_PER_MONTH = 365.25 / 12


def _price(list_price: np.ndarray, day: np.ndarray, truth: SchoolTruth) -> np.ndarray:
    rise_day = np.datetime64(truth.price_rise_date, "D").view(np.int64)
    raised = np.round(list_price * truth.price_rise / 100) * 100 - 10
    return np.where(day >= rise_day, raised, list_price).astype(float)


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
    rng = np.random.default_rng(truth.seed)
    start = np.datetime64(truth.start, "M")
    end_day = int(np.datetime64(truth.end, "D").view(np.int64))
    months = int((np.datetime64(truth.end, "M") - start).astype(int)) + 1
    month_index = np.arange(months)
    calendar = (start + month_index).astype(int) % 12
    seasonal = np.array(truth.seasonality)[calendar]
    expected = truth.new_customers_per_month * seasonal * truth.growth_per_month**month_index
    counts = rng.poisson(expected)
    n = int(counts.sum())
    month_start = (start + month_index).astype("datetime64[D]").view(np.int64)
    month_days = (start + month_index + 1).astype("datetime64[D]").view(np.int64) - month_start
    join_month = np.repeat(month_index, counts)
    first_day = month_start[join_month] + np.floor(rng.random(n) * month_days[join_month]).astype(np.int64)
    first_day = np.sort(first_day)
    shares = np.array([source.share for source in truth.sources])
    source = rng.choice(len(truth.sources), size=n, p=shares)
    u = rng.standard_normal(n)
    mobile = rng.random(n) < truth.mobile_share
    noise = rng.standard_normal((n, 4))
    base_rate = rng.gamma(truth.rate_shape, truth.rate_scale, n)
    dropout_a = np.array([s.dropout_a for s in truth.sources])[source]
    dropout_b = np.array([s.dropout_b for s in truth.sources])[source]
    dropout = rng.beta(dropout_a, dropout_b)
    gaps = rng.standard_exponential((n, _MAX_PURCHASES))
    leaves = rng.random((n, _MAX_PURCHASES))
    product_draw = rng.random((n, _MAX_PURCHASES))
    starter_draw = rng.random(n)
    minute_of_day = rng.integers(8 * 60, 24 * 60, (n, _MAX_PURCHASES))
    refund_draw = rng.random((n, _MAX_PURCHASES))
    refund_delay = rng.integers(2, 15, (n, _MAX_PURCHASES))
    interactions = rng.poisson(np.exp(2.5 + 0.3 * u)) + 1
    interaction_conversions = rng.binomial(interactions, 0.04)
    bounce_draw = rng.random(n)
    return_draw = rng.random((n, 29))
    session_draw = rng.random(n)

    # engagement in the first 30 days, and what it does to purchases
    minutes_sd = math.hypot(truth.minutes_on_u, truth.minutes_noise)
    log_minutes = truth.minutes_log_mean + truth.minutes_on_u * u + truth.minutes_noise * noise[:, 0]
    z_minutes = (log_minutes - truth.minutes_log_mean) / minutes_sd
    log_minutes = log_minutes + math.log(truth.minutes_lift)
    minutes = np.round(np.exp(log_minutes)).astype(np.int64)
    multiplier = np.array([s.rate_multiplier for s in truth.sources])[source]
    rate = base_rate * multiplier * np.exp(truth.rate_on_u * u + truth.rate_on_minutes * (
        z_minutes + math.log(truth.minutes_lift) / minutes_sd))
    session_mean = np.exp(truth.sessions_log_mean + truth.sessions_on_u * u + truth.sessions_on_mobile * mobile)
    sessions = _poisson_from_uniform(session_mean * truth.sessions_lift, session_draw)
    return_p = 1 / (1 + np.exp(-(truth.returns_logit + 0.5 * u + 0.5 * mobile)))
    return_days = (return_draw < return_p[:, None]).sum(axis=1)
    bounce_mean = 1 / (1 + np.exp(-(truth.bounce_logit - 0.4 * u + 0.6 * mobile)))
    bounce = np.clip(bounce_mean + 0.08 * (bounce_draw - 0.5) + 0.05 * noise[:, 1], 0.0, 0.95)

    # purchases: the first on first_day, then exponential gaps until the customer leaves
    gap_days = gaps * _DAYS_PER_MONTH / rate[:, None]
    times = np.cumsum(gap_days, axis=1)
    stayed = np.cumprod(leaves >= dropout[:, None], axis=1).astype(bool)
    purchase_day = first_day[:, None] + np.floor(times).astype(np.int64)
    repeat = stayed & (purchase_day <= end_day)
    if repeat[:, -1].any():
        raise LTVInputError("the simulation needs a larger _MAX_PURCHASES for these parameters")
    first_column = np.zeros((n, 1), dtype=bool)
    days = np.concatenate([first_day[:, None], purchase_day[:, :-1]], axis=1)
    is_purchase = np.concatenate([~first_column, repeat[:, :-1]], axis=1)
    rows, position = np.nonzero(is_purchase)
    repeats_bought = is_purchase[:, 1:].sum(axis=1)

    starter_share = np.array([s.starter_share for s in truth.sources])[source]
    first_weights = np.cumsum(_FIRST_WEIGHTS)
    repeat_weights = np.cumsum(_REPEAT_WEIGHTS)
    draw = product_draw[rows, position]
    product = np.where(
        position == 0,
        np.where(starter_draw[rows] < starter_share[rows], 0, np.searchsorted(first_weights, draw * first_weights[-1])),
        np.searchsorted(repeat_weights, draw * repeat_weights[-1]),
    )
    list_prices = np.array([price for _, price in SCHOOL_PRODUCTS], dtype=float)
    order_day = days[rows, position]
    price = _price(list_prices[product], order_day, truth)
    discount = np.array([s.discount for s in truth.sources])[source][rows]
    amount = np.where(position == 0, np.round(price * (1 - discount)), price)
    stamp = order_day * 1440 + minute_of_day[rows, position]
    refunded = (refund_draw[rows, position] < truth.refund_share) & (product != 6)
    refund_day = order_day + refund_delay[rows, position]
    refunded &= refund_day <= end_day

    purchases = pd.DataFrame({
        "customer_index": rows, "stamp": stamp, "amount": amount, "product": product, "status": "Оплачен",
    })
    refunds = pd.DataFrame({
        "customer_index": rows[refunded],
        "stamp": refund_day[refunded] * 1440 + minute_of_day[rows, position][refunded],
        "amount": -amount[refunded], "product": product[refunded], "status": "Возврат",
    })
    purchases["order_number"] = 0
    order_sequence = np.argsort(purchases["stamp"].to_numpy() * n + rows, kind="stable")
    numbers = np.empty(len(purchases), dtype=np.int64)
    numbers[order_sequence] = np.arange(1, len(purchases) + 1)
    purchases["order_number"] = numbers
    refunds["order_number"] = numbers[refunded]
    log = pd.concat([purchases, refunds], ignore_index=True)
    log = log.sort_values(["stamp", "order_number", "status"], kind="stable").reset_index(drop=True)

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
        "first_purchase": first_day.astype("datetime64[D]").astype("datetime64[ns]"),
        "channel": channel,
        "partner": partner,
        "source_kind": np.array([s.kind for s in truth.sources])[source],
        "u": u,
        "mobile": mobile,
        "rate_per_month": rate,
        "dropout": dropout,
        "repeat_purchases": repeats_bought,
    })
    conversions = np.minimum(interaction_conversions + repeats_bought, interactions)
    engagement = pd.DataFrame({
        "customer": ids,
        "sessions_30d": sessions,
        "minutes_30d": minutes,
        "minutes_per_session": np.round(minutes / np.maximum(sessions, 1), 1),
        "return_days_30d": return_days,
        "conversion_pct": np.round(100 * conversions / interactions, 1),
        "bounce_pct": np.round(100 * bounce, 1),
        "device": np.where(mobile, "Мобильное", "Компьютер"),
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


def _poisson_from_uniform(mean: np.ndarray, uniform: np.ndarray) -> np.ndarray:
    """Poisson draws by inverting the distribution function at given uniforms (common random numbers)."""
    from scipy.stats import poisson

    return np.maximum(poisson.ppf(uniform, mean), 0).astype(np.int64)


_NBSP = "\u00a0"


def _rub(amount: float) -> str:
    """12900.0 -> '12 900,00' with a non-breaking space, as Russian Excel writes money."""
    text = f"{abs(amount):,.2f}".replace(",", _NBSP).replace(".", ",")
    return ("-" if amount < 0 else "") + text


def _decimal_comma(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


SCHOOL_FILES = {
    "orders": "school_orders.csv",
    "partners": "school_partners.csv",
    "engagement": "school_engagement.csv",
}
"""The school's files in data/, as the school's systems export them."""

ORDER_COLUMNS = {
    "order": "Номер заказа",
    "date": "Дата оплаты",
    "customer": "ID клиента",
    "product": "Курс",
    "amount": "Сумма, руб.",
    "status": "Статус",
    "channel": "Канал",
    "partner": "Партнёр",
}
"""The export's column names (Russian, as the CRM writes them) for each field of the orders."""

PARTNER_COLUMNS = {
    "channel": "Канал",
    "partner": "Партнёр",
    "kind": "Тип",
    "fixed_spend": "Расходы на привлечение, ₽",
    "first_sale_commission_pct": "Комиссия с первой продажи, %",
    "discount_pct": "Скидка по промокоду, %",
}
ENGAGEMENT_COLUMNS = {
    "customer": "ID клиента",
    "sessions_30d": "Сессий за 30 дней",
    "minutes_30d": "Минут в продукте за 30 дней",
    "minutes_per_session": "Среднее время сессии, мин",
    "return_days_30d": "Дней с возвратом за 30 дней",
    "conversion_pct": "Конверсия из взаимодействий, %",
    "bounce_pct": "Доля отказов, %",
    "device": "Устройство",
}

# Rows a real export carries and a loader must not take at face value: two test orders without a
# customer, and a corporate order whose amount was still "by invoice" (for the last customer of the
# HR partner seen before it). Each is (position in the export, order number, product, amount).
_EXPORT_DEFECTS: tuple[tuple[int, str, str, str], ...] = (
    (1200, "ORD-T00001", "Тестовый заказ", "1,00"),
    (5300, "ORD-T00002", "Тестовый заказ", "1,00"),
    (7700, "ORD-B00001", "Аналитик данных", "по счёту"),
)


def _csv_bytes(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)


def school_export_bytes(school: SchoolData) -> dict[str, bytes]:
    """The school's three files as bytes: orders (cp1251), partners and engagement (UTF-8 with BOM).

    Example:
        >>> files = school_export_bytes(simulate_school())
        >>> files["orders"][:12].decode("cp1251")
        'Номер заказа'
    """
    orders = school.orders
    rows = [
        [order, pd.Timestamp(date).strftime("%d.%m.%Y %H:%M"), customer, product, _rub(amount), status, channel,
         partner]
        for order, date, customer, product, amount, status, channel, partner in zip(
            orders["order"], orders["date"], orders["customer"], orders["product"], orders["amount"],
            orders["status"], orders["channel"], orders["partner"], strict=True)
    ]
    for position, number, product, amount in sorted(_EXPORT_DEFECTS, reverse=True):
        position = min(position, len(rows))
        date = rows[position - 1][1]
        if amount[0].isdigit():
            rows.insert(position, [number, date, "", product, amount, "Оплачен", "", ""])
            continue
        customer = next(row[2] for row in reversed(rows[:position]) if row[7] == "hr_it_partner")
        rows.insert(position, [number, date, customer, product, amount, "Оплачен", AFFILIATE, "hr_it_partner"])
    partners = school.partners
    partner_rows = [
        [channel, partner, kind, f"{_rub(spend)[:-3]} ₽", _decimal_comma(commission, 0), _decimal_comma(discount, 0)]
        for channel, partner, kind, spend, commission, discount in partners.itertuples(index=False)
    ]
    engagement = school.engagement
    engagement_rows = [
        [customer, str(sessions), str(minutes), _decimal_comma(per_session), str(returns), _decimal_comma(conversion),
         _decimal_comma(bounce), device]
        for customer, sessions, minutes, per_session, returns, conversion, bounce, device
        in engagement.itertuples(index=False)
    ]
    return {
        "orders": _csv_bytes(list(ORDER_COLUMNS.values()), rows, "cp1251"),
        "partners": _csv_bytes(list(PARTNER_COLUMNS.values()), partner_rows, "utf-8-sig"),
        "engagement": _csv_bytes(list(ENGAGEMENT_COLUMNS.values()), engagement_rows, "utf-8-sig"),
    }


@data_writer("school")
def write_school(directory: Path) -> list[Path]:
    """Write the school's export, partner costs and engagement into ``directory``; return the paths.

    Example:
        >>> import tempfile
        >>> [path.name for path in write_school(Path(tempfile.mkdtemp()))]
        ['school_orders.csv', 'school_partners.csv', 'school_engagement.csv']
    """
    files = school_export_bytes(simulate_school())
    paths = []
    for key, data in files.items():
        path = Path(directory) / SCHOOL_FILES[key]
        path.write_bytes(data)
        paths.append(path)
    return paths


def simulate_order_log(
    n_orders: int, n_customers: int, *, seed: int = 1, days: int = 730, dropout: tuple[float, float] | None = None,
    weight_shape: float = 0.6,
) -> pd.DataFrame:
    """A large seeded order log for benchmarks: integer customer ids, order times, amounts in cents.

    Each customer has at least one order; the rest go to customers with gamma-distributed
    weights (a few buy often), at uniform times between the customer's first order and the
    end of the ``days``-long window that starts on 2022-01-01. ``weight_shape`` is the gamma's
    shape: smaller gives a heavier tail (at 10 orders a customer, 0.6 gives the top 1% of
    customers about 7% of the orders, 0.2 about 14%).

    ``dropout=(a, b)`` makes customers lapse as BG/NBD assumes: each customer draws a
    probability p ~ Beta(a, b) and leaves for good after each of their orders with probability
    p, so their later orders are never placed (the log then holds fewer than ``n_orders`` rows;
    every customer keeps their first order). Without it nothing changes: the same seed gives the
    same log as before the option existed.

    Example:
        >>> log = simulate_order_log(1000, 100, seed=3)
        >>> len(log), log["customer_id"].nunique(), str(log["date"].dtype)
        (1000, 100, 'datetime64[ns]')
        >>> lapsing = simulate_order_log(1000, 100, seed=3, dropout=(1.0, 3.0))
        >>> len(lapsing) < 1000, lapsing["customer_id"].nunique()
        (True, 100)
    """
    n_orders = check_count("n_orders", n_orders, minimum=1)
    n_customers = check_count("n_customers", n_customers, minimum=1)
    days = check_count("days", days, minimum=1)
    if n_customers > n_orders:
        raise LTVInputError(f"n_customers must be <= n_orders ({n_orders}); got {n_customers}")
    rng = np.random.default_rng(seed)
    weights = rng.gamma(check_number("weight_shape", weight_shape, minimum=0, min_open=True), 1.0, n_customers)
    extra = rng.choice(n_customers, size=n_orders - n_customers, p=weights / weights.sum())
    customer = np.concatenate([np.arange(n_customers), extra])
    seconds = days * 86_400
    first = rng.integers(0, seconds, n_customers)
    span = seconds - first[customer]
    offset = np.where(np.arange(n_orders) < n_customers, 0, (rng.random(n_orders) * span).astype(np.int64))
    when = np.datetime64("2022-01-01T00:00:00", "s") + first[customer] + offset
    amount = np.round(rng.lognormal(3.0, 0.8, n_orders), 2)
    order = rng.permutation(n_orders)
    if dropout is not None:  # drawn after everything else, so the rest of the log is the same
        if not isinstance(dropout, (tuple, list)) or len(dropout) != 2:
            raise LTVInputError(f"dropout must be a pair (a, b) of Beta parameters or None; got {dropout!r}")
        a, b = (check_number(f"dropout[{i}]", value, minimum=0, min_open=True) for i, value in enumerate(dropout))
        orders_kept = rng.geometric(np.clip(rng.beta(a, b, n_customers), 1e-12, 1.0))
        by_time = np.lexsort((when, customer))
        counts = np.bincount(customer, minlength=n_customers)
        rank = np.empty(n_orders, dtype=np.int64)
        rank[by_time] = np.arange(n_orders) - (np.cumsum(counts) - counts)[customer[by_time]]
        order = order[(rank < orders_kept[customer])[order]]
    ids = 100_000 + customer * 7
    return pd.DataFrame({
        "customer_id": ids[order].astype(np.int64),
        "date": when[order].astype("datetime64[ns]"),
        "amount": amount[order],
    })


# --- probabilistic models: sBG, BG/NBD, Gamma-Gamma (notebooks 12-13) ------------------

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from ltvkit.models.rfm import CalibrationHoldout
    from ltvkit.models.units import Duration


def simulate_sbg_cohort(*, alpha: float, beta: float, customers: int, periods: int, seed: int) -> list[int]:
    """Customers alive at the start of periods 0..periods in a cohort drawn from sBG(alpha, beta).

    Each customer draws a churn probability from beta(alpha, beta) and keeps it; at each renewal
    they leave with that probability. Returns the counts that :func:`ltvkit.models.sbg.fit_sbg` reads.

    Example:
        >>> simulate_sbg_cohort(alpha=1.0, beta=2.0, customers=1000, periods=3, seed=7)[0]
        1000
    """
    import numpy as np

    from ltvkit.checks import check_count, check_number

    a = check_number("alpha", alpha, minimum=0, min_open=True)
    b = check_number("beta", beta, minimum=0, min_open=True)
    n = check_count("customers", customers, minimum=1)
    k = check_count("periods", periods, minimum=1)
    rng = np.random.default_rng(check_count("seed", seed))
    churn = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    leaves_at = rng.geometric(churn)  # renewal at which each customer leaves: 1, 2, ...
    return [int(np.sum(leaves_at > t)) for t in range(k + 1)]


def simulate_bgnbd(
    *,
    r: float,
    alpha: float,
    a: float,
    b: float,
    customers: int,
    T: Duration,  # noqa: N803
    seed: int,
    acquisition_window: Duration | None = None,
    holdout: Duration | None = None,
) -> CalibrationHoldout:
    """Simulate repeat purchases from BG/NBD with known parameters (``alpha`` in ``T``'s unit).

    Each customer gets a purchase rate lambda ~ gamma(r, alpha) and a dropout probability
    p ~ beta(a, b); after their first purchase at time 0 they buy as a Poisson process and
    drop out for good right after each repeat purchase with probability p.

    Args:
        r, alpha, a, b: the true parameters (> 0).
        customers: how many customers.
        T: a Duration, the observation length of the oldest customer (e.g. weeks(39)).
        seed: the random seed (same seed, same customers on every machine).
        acquisition_window: optional Duration; first purchases spread uniformly over it, so
            ages T fall between T - window and T (CDNOW's cohort was acquired over 12 weeks).
        holdout: optional Duration; also count each customer's purchases in the holdout after T.

    Returns:
        A :class:`~ltvkit.models.rfm.CalibrationHoldout`: the calibration summary, the holdout
        purchases (None without a holdout) and ``truth`` with each customer's lambda and p.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> sim = simulate_bgnbd(r=0.25, alpha=4.0, a=0.8, b=2.4, customers=5, T=weeks(39), seed=1, holdout=weeks(39))
        >>> len(sim.calibration), sim.calibration.time_unit, sim.holdout_purchases.shape
        (5, 'weeks', (5,))
    """
    import numpy as np

    from ltvkit.checks import LTVInputError, check_count, check_number
    from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
    from ltvkit.models.units import Duration, require_duration

    r, alpha, a, b = (check_number(name, value, minimum=0, min_open=True)
                      for name, value in (("r", r), ("alpha", alpha), ("a", a), ("b", b)))
    n = check_count("customers", customers, minimum=1)
    horizon = require_duration("T", T)
    unit = horizon.unit
    if horizon.amount <= 0:
        raise LTVInputError(f"T must be longer than zero; got {horizon}")
    window = 0.0
    if acquisition_window is not None:
        window = require_duration("acquisition_window", acquisition_window).in_unit(unit)
    if window >= horizon.amount:
        raise LTVInputError(f"acquisition_window must be shorter than T ({horizon}); got {acquisition_window}")
    extra = 0.0 if holdout is None else require_duration("holdout", holdout).in_unit(unit)
    rng = np.random.default_rng(check_count("seed", seed))
    rate = rng.gamma(r, 1.0 / alpha, size=n)
    dropout = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    age = horizon.amount - rng.uniform(0.0, window, size=n) if window > 0 else np.full(n, horizon.amount)
    purchases_until_dropout = rng.geometric(dropout)  # the J-th repeat purchase is the last
    arrivals = rng.poisson(rate * (age + extra))
    owner = np.repeat(np.arange(n), arrivals)
    times = rng.uniform(0.0, 1.0, size=owner.size) * (age + extra)[owner]
    order = np.lexsort((times, owner))
    owner, times = owner[order], times[order]
    starts = np.cumsum(arrivals) - arrivals
    rank = np.arange(owner.size) - starts[owner]  # 0 for each customer's first arrival
    kept = rank < purchases_until_dropout[owner]
    owner, times = owner[kept], times[kept]
    in_calibration = times <= age[owner]
    frequency = np.bincount(owner[in_calibration], minlength=n)
    recency = np.zeros(n)
    np.maximum.at(recency, owner[in_calibration], times[in_calibration])
    summary = RFMSummary.create(frequency=frequency, recency=recency, T=age, time_unit=unit)
    holdout_purchases = np.bincount(owner[~in_calibration], minlength=n) if holdout is not None else None
    return CalibrationHoldout(
        calibration=summary,
        holdout=None if holdout is None else Duration(extra, unit),
        holdout_purchases=holdout_purchases,
        truth={"purchase_rate": rate, "dropout_probability": dropout},
    )


def simulate_gamma_gamma(*, p: float, q: float, gamma: float, frequency: ArrayLike, seed: int) -> np.ndarray:
    """Average repeat spend per customer drawn from the Gamma-Gamma model (0 where frequency is 0).

    Each customer's spend per purchase is gamma(p, nu) with nu ~ gamma(q, gamma) across
    customers; the average of x purchases is then gamma(p x, nu x).

    Example:
        >>> simulate_gamma_gamma(p=6.0, q=4.0, gamma=15.0, frequency=[0, 3], seed=3)[0]
        np.float64(0.0)
    """
    import numpy as np

    from ltvkit.checks import check_count, check_number

    p = check_number("p", p, minimum=0, min_open=True)
    q = check_number("q", q, minimum=0, min_open=True)
    scale = check_number("gamma", gamma, minimum=0, min_open=True)
    x = np.atleast_1d(np.asarray(check_number("frequency", np.asarray(frequency, dtype=float), minimum=0)))
    rng = np.random.default_rng(check_count("seed", seed))
    nu = rng.gamma(q, 1.0 / scale, size=x.size)
    buyers = x > 0
    average = np.zeros(x.size)
    average[buyers] = rng.gamma(p * x[buyers], 1.0 / (nu[buyers] * x[buyers]))
    return average



# --- command line: python -m ltvkit.simulate --------------------------------------------

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def main(argv: list[str] | None = None) -> int:
    """Write every registered synthetic data set into data/ (or ``--data-dir``); print sizes and checksums.

    Example:
        >>> import tempfile
        >>> main(["--only", "school", "--data-dir", tempfile.mkdtemp()])  # doctest: +ELLIPSIS
        school: school_orders.csv 968,124 bytes sha256 da92b26de83b11858bce3ab14a93e6f58f309e7c46bf195676ea8ccdf95b0707
        ...
        0
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m ltvkit.simulate", description=main.__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(_WRITERS), help="write only this data set")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="where to write (default: data/)")
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    for name in args.only or sorted(_WRITERS):
        for path in _WRITERS[name](args.data_dir):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            print(f"{name}: {path.name} {path.stat().st_size:,} bytes sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
