# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] key="09-title"
# # 09 · LTV по выгрузке заказов: клиенты, тяжёлый хвост и когорты
#
# После этого ноутбука вы сможете загрузить выгрузку заказов из интернет-магазина или CRM в том виде,
# в каком она приходит, получить из неё исторический LTV каждого клиента, честно прочитать его
# распределение и проследить когорты клиентов месяц за месяцем — на смоделированной онлайн-школе и на
# реальных данных CDNOW.
#
# **Вы узнаете**
# - как прочитать выгрузку для русского Excel (`;`, десятичная запятая, cp1251, даты «день.месяц»), не
#   потеряв и не выдумав ни одного рубля, и что делать со строками, которые загрузчик не принимает;
# - как построить сводку по клиентам: заказы, повторные покупки, давность, возраст, выручка, LTV;
# - почему средний LTV — это не LTV типичного клиента (тяжёлый хвост);
# - как читать тепловую карту удержания и кривые накопленного LTV по когортам;
# - почему инструмент аналитики, который через какое-то время забывает клиента, ограничивает LTV,
#   который он способен измерить;
# - что тот же код в точности воспроизводит опубликованную сводку по реальным данным (CDNOW).
#
# **Что нужно знать**: ноутбуки 01–02 (исторический LTV, маржа). Данные лежат в `../data` (откуда
# взят каждый файл, написано в `data/README.md`).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import pandas as pd

from ltvkit import LTVInputError, check, format_money, format_number, format_share, tr, tr_n
from ltvkit.calculators import cohort_ltv_calculator
from ltvkit.course.exercises import options
from ltvkit.orders import (
    cohort_sizes,
    cohort_table,
    customer_summary,
    horizon_ltv,
    load_report,
    ltv_after_window,
    read_orders,
    retention_matrix,
    top_share,
)
from ltvkit.plots import cohort_curves, cohort_heatmap, ltv_histogram, revenue_concentration

# %% [markdown] key="09-the-school-s-export"
# ## Выгрузка школы как она есть
#
# Статьи раз за разом советуют брать покупки «из CRM». Вот что CRM отдаёт на самом деле: выгрузку
# заказов онлайн-школы IT-курсов (смоделированной, с известными истинными параметрами — см.
# `data/README.md`). Это CSV для русского Excel: поля разделены `;`, суммы записаны как `12 900,00` с
# неразрывным пробелом, даты — как `05.03.2024 14:22`, кодировка cp1251. Возврат — строка с
# отрицательной суммой. Сначала дадим загрузчику прочитать файл с настройками по умолчанию.

# %%
columns = dict(customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.", partner="Партнёр", channel="Канал",
               extra={"Номер заказа": "order", "Курс": "product", "Статус": "status"})
try:
    read_orders("../data/school_orders.csv", **columns)
except LTVInputError as error:
    print(error)

# %% [markdown] key="09-the-loader-refuses-the"
# Загрузчик отказывается читать файл и построчно объясняет почему: два тестовых заказа без клиента и
# один корпоративный заказ, сумму которого так и не заполнили («по счёту»). Он ничего не угадывает.
# Решаем мы: тестовые заказы — не продажи, а счёт будет учтён, когда его оплатят. Поэтому мы
# пропускаем эти строки — явно — и читаем отчёт о том, что осталось за бортом.

# %%
orders = read_orders("../data/school_orders.csv", **columns, on_bad_rows="skip")
print(load_report(orders))
print(orders.dtypes.to_string())

# %%
orders.head()

# %% [markdown] key="09-from-orders-to-customers"
# ## От заказов к клиентам
#
# `customer_summary` превращает строки заказов в одну строку на клиента. Заказы одного дня считаются
# одной покупкой. `frequency` — число покупок после первой (повторные покупки), `recency` — время от
# первой до последней покупки, `T` — возраст клиента на конец данных, здесь в днях. Выручка считается
# за вычетом возвратов; `historical_ltv` — выручка, умноженная на маржу: **валовой LTV** из ноутбука
# 02, до вычета каких-либо затрат на привлечение. Для школы берём валовую маржу 60 % (допущение:
# преподаватели, платформа и поддержка обходятся примерно в 40 % цены курса).

# %%
margin = 0.6
summary = customer_summary(orders, margin=margin)
print(summary.attrs["summary_report"])
summary.head()

# %% [markdown] key="09-the-report-s-first"
# Первая строка отчёта сводит строки: каждая строка заказа до последнего дня — это покупка или
# возврат. По дороге не теряются и деньги: выручка в сводке в точности равна сумме прочитанных сумм.

# %%
assert abs(summary["revenue"].sum() - orders["amount"].sum()) < 0.01
print(tr_n("{customers} customer; revenue {revenue}; historical LTV at margin {margin}: {ltv}",
           "{customers} customers; revenue {revenue}; historical LTV at margin {margin}: {ltv}", len(summary),
           customers=format_number(len(summary)), revenue=format_money(summary["revenue"].sum(), "RUB"),
           margin=format_share(margin, 0), ltv=format_money(summary["historical_ltv"].sum(), "RUB")))
print(tr("customers who bought again: {share}", share=format_share((summary["frequency"] > 0).mean())))

# %% [markdown] key="09-mean-and-median-the"
# ## Среднее и медиана: тяжёлый хвост
#
# «Средний LTV» — число, которое считает большинство статей. На реальных клиентах среднее тянут вверх
# немногие, кто покупает много; медианный клиент стоит гораздо меньше.

# %%
ltv = summary["historical_ltv"]
print(tr("mean historical LTV:   {amount}", amount=format_money(ltv.mean(), "RUB", decimals=0)))
print(tr("median historical LTV: {amount}", amount=format_money(ltv.median(), "RUB", decimals=0)))
print(tr("the top 10% of customers bring {share} of revenue", share=format_share(top_share(summary["revenue"], 0.10))))

# %%
ltv_histogram(ltv, currency="RUB", title=tr("Historical LTV per customer, the school (margin 60%)"))

# %%
revenue_concentration(summary["revenue"], title=tr("Share of revenue by share of customers"))

# %% [markdown] key="09-a-critical-look-one"
# ### Критический взгляд: за одним средним прячутся два бизнеса
#
# Формула, которой статьи пользуются чаще всего, — средний чек × число покупок × срок жизни клиента —
# даёт одно число на компанию. Данные школы показывают, почему одно число вводит в заблуждение:
# большинство клиентов покупают один раз (дешёвый вводный курс или один основной курс), а меньшинство
# возвращается снова и снова. Бюджет, построенный на среднем LTV, предполагает, что каждый новый
# клиент стоит столько же, сколько средний; медиана говорит, что типичный стоит примерно вдвое
# меньше. Среднее годится для итогов (выручка от 1 000 новых клиентов), распределение — для решений
# об отдельных клиентах и сегментах.

# %% [markdown] key="09-cohorts-customers-grouped-by"
# ## Когорты: клиенты, сгруппированные по месяцу первой покупки
#
# Клиенты, пришедшие в разные месяцы, наблюдались разное время: у клиента, пришедшего в декабре 2024
# года, ещё не было возможности купить снова. Если сравнивать их в одной таблице, возраст смешивается
# с ценностью. Когортная таблица отводит каждой группе свою строку, а по горизонтали откладывает
# месяцы от первой покупки, так что в каждом столбце сравниваются клиенты одного возраста.

# %%
retention = retention_matrix(orders)
print(tr_n("{count} cohort; share buying again in month 1 after joining: {share} on average",
           "{count} cohorts; share buying again in month 1 after joining: {share} on average", len(retention),
           count=len(retention), share=format_share(retention[1].mean())))
cohort_heatmap(retention, title=tr("Share of each cohort buying in month N after its first purchase"))

# %% [markdown] key="09-column-0-is-always"
# Столбец 0 всегда равен 100 %: все покупают в месяц, когда пришли (шкала цвета обрезана ниже, чтобы
# остальные столбцы оставались читаемыми). Начиная со столбца 1, в любой месяц покупает лишь
# меньшинство когорты: примерно один клиент из семи в месяц после прихода, дальше всё меньше. Пустой
# треугольник справа внизу — это будущее: его ещё не наблюдали.
#
# Накопленный LTV на клиента складывает выручку каждого месяца (за вычетом возвратов), умноженную на
# маржу и делённую на размер когорты. По линии на когорту:

# %%
cumulative = cohort_table(orders, value="cumulative_ltv", margin=margin)
sizes = cohort_sizes(orders)
print(tr_n("cohort sizes: from {low} to {high} customer", "cohort sizes: from {low} to {high} customers", sizes.max(),
           low=format_number(sizes.min()), high=format_number(sizes.max())))
print(tr("mean LTV per customer after 12 months, cohorts of 2023: {amount}",
         amount=format_money(cumulative.iloc[:12][11].mean(), "RUB", decimals=0)))
cohort_curves(cumulative, currency="RUB", highlight="2023-09",
              title=tr("Cumulative LTV per customer by cohort (margin 60%)"))

# %% [markdown] key="09-two-things-stand-out"
# Бросаются в глаза две вещи. Во-первых, клиент 2023 года приносит за первые 12 месяцев больше, чем
# «средний исторический LTV» всех клиентов, напечатанный выше: в это среднее попадают клиенты,
# пришедшие несколько недель назад и ещё не успевшие купить снова, поэтому оно занижает ценность
# клиента. Сравнивайте клиентов одного возраста или указывайте, за какой срок посчитано среднее.
# Во-вторых, кривые продолжают расти и после года: LTV за 12 месяцев — это ещё не LTV за весь срок
# жизни клиента.
#
# Та же таблица в деньгах: выручка каждой когорты (₽, за вычетом возвратов) в месяцы 0–5 после
# прихода, для первых шести когорт.

# %%
cohort_table(orders, value="revenue").iloc[:6, :6].round(0)

# %% [markdown] key="09-a-critical-look-the"
# ### Критический взгляд: память инструмента аналитики
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса» в конце
# советует, где хранить историю: в Google Analytics, который, по её словам, отслеживает клиента по id
# 540 дней (а куки в браузере живут два года), в CRM или в базе данных. Выбор не нейтрален.
# Инструмент, который забывает клиента через 540 дней, не видит покупку, сделанную позже тем же
# человеком: он насчитает нового пользователя, а LTV, который он покажет, упрётся в 540 дней, как бы
# лоялен ни был клиент. У выгрузки из CRM такого предела нет. Насколько урезает LTV этот предел?
# Возьмём клиентов школы, чьи первые 21 месяц целиком есть в данных, и посмотрим, что принесли их
# покупки после 540-го дня (`ltv_after_window` с окном 540 дней; выручка, ₽):

# %%
first_21_months = horizon_ltv(orders, months=21)
after_540_days = ltv_after_window(orders, window_days=540, months=21)
print(tr_n("{customers} customer with 21 months observed; {buyers} of them bought after day 540, bringing {revenue} "
           "of their 21 months' revenue",
           "{customers} customers with 21 months observed; {buyers} of them bought after day 540, bringing {revenue} "
           "of their 21 months' revenue", len(first_21_months),
           customers=format_number(len(first_21_months)), buyers=format_share((after_540_days > 0).mean()),
           revenue=format_share(after_540_days.sum() / first_21_months.sum())))

# %% [markdown] key="09-within-21-months-the"
# В пределах 21 месяца потеря невелика, но она только растёт: накопленные кривые выше продолжают
# расти и через два года, а каждая покупка после того, как память инструмента закончилась, выпадает
# из LTV и добавляется к числу «новых» клиентов, что понижает LTV на клиента дважды. Измеряйте LTV по
# системе, которая хранит каждый заказ (CRM, база данных магазина), и указывайте, за сколько дней
# измерен LTV из инструмента аналитики.

# %% [markdown] key="09-the-same-on-real"
# ## То же на реальных данных: CDNOW
#
# CDNOW был интернет-магазином музыки. Файл `data/cdnow/CDNOW_sample.txt` (из пакета `lifetimes`;
# данные взяты из исследований Фейдера и Харди) содержит все покупки 2 357 клиентов, впервые купивших
# в январе–марте 1997 года, за период до июня 1998 года. У него нет заголовка, а поля разделены
# пробелами; загрузчик читает его с именами столбцов, которые мы задаём.

# %%
cdnow = read_orders("../data/cdnow/CDNOW_sample.txt", names=["master_id", "customer", "date", "cds", "amount"],
                    customer="customer", date="date", amount="amount")
cdnow["customer"] = cdnow["customer"].astype("int64")
print(load_report(cdnow))

# %% [markdown] key="09-lifetimes-also-ships-a"
# В `lifetimes` есть и сводка по этим клиентам за первые 39 недель (до 1997-09-30): повторные
# покупки, давность и возраст в неделях и средняя сумма повторной покупки. Наш `customer_summary`
# пользуется теми же определениями, поэтому должен дать ту же таблицу. Заказы после 1997-09-30
# намеренно отброшены (`after_end="drop"`), и отчёт говорит, сколько их.

# %%
calibration = customer_summary(cdnow, observation_end="1997-09-30", after_end="drop")
print(calibration.attrs["summary_report"])
published = pd.read_csv("../data/cdnow/cdnow_customers_summary_with_transactions.csv", index_col="ID")
differences = pd.DataFrame({
    "frequency": calibration["frequency"] - published["x"],
    tr("recency, weeks"): (calibration["recency"] / 7).round(2) - published["t_x"],
    tr("age T, weeks"): (calibration["T"] / 7).round(2) - published["T"],
    tr("repeat value, USD"): calibration["monetary_value"] - published["zbar"],
})
print(differences.abs().max().round(4).to_string())
assert (differences.abs().max() <= 0.0051).all()

# %% [markdown] key="09-the-same-table-the"
# Та же таблица: различия есть только в последнем знаке, где опубликованный файл округляет до двух
# знаков после запятой. Теперь все 18 месяцев: такой же тяжёлый хвост, как у школы, и три когорты
# (месяцы первой покупки).

# %%
cdnow_summary = customer_summary(cdnow)
print(tr("revenue per customer: mean {mean}, median {median}; {share} never bought again",
         mean=format_money(cdnow_summary["revenue"].mean(), "USD", decimals=2),
         median=format_money(cdnow_summary["revenue"].median(), "USD", decimals=2),
         share=format_share((cdnow_summary["frequency"] == 0).mean())))
ltv_histogram(cdnow_summary["revenue"], currency="USD", title=tr("Revenue per customer, CDNOW 1997-1998"))

# %%
cohort_heatmap(retention_matrix(cdnow), title=tr("CDNOW: share of each cohort buying in month N"))

# %% [markdown] key="09-try-it"
# ## Попробуйте сами
#
# Выберите когорту (0 — январь 2023 года), горизонт в месяцах и маржу: подпись покажет LTV когорты
# на клиента за этот горизонт, а на графике будет выделена её кривая. Если горизонт длиннее, чем
# прожила когорта, калькулятор скажет об этом, а не выдумает число; маржа выше 100 % не принимается.
# Следующая ячейка печатает результат при начальных значениях.

# %%
calculator = cohort_ltv_calculator(orders)
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="09-exercises"
# ## Упражнения
#
# **ex-09-1.** Какова медианная выручка на клиента школы (₽, за весь период, за вычетом возвратов)?

# %%
answer = None
check("ex-09-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = customer_summary(orders)["revenue"].median()
check("ex-09-1", answer)

# %% [markdown] key="09-ex-09-2"
# **ex-09-2.** Эмпирическое правило гласит, что 20 % клиентов приносят 80 % выручки. Какую долю
# выручки школы приносят её лучшие 20 % клиентов? Ответьте долей (0.25 для 25 %).

# %%
answer = None
check("ex-09-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = top_share(customer_summary(orders)["revenue"], 0.20)
check("ex-09-2", answer)

# %% [markdown] key="09-ex-09-3"
# **ex-09-3.** Какую долю выручки CDNOW (вся выборка, 1997–1998) приносят лучшие 10 % клиентов?
# Хвост у CDNOW тяжелее или легче, чем у школы? Ответьте долей.

# %%
answer = None
check("ex-09-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = top_share(customer_summary(cdnow)["revenue"], 0.10)
check("ex-09-3", answer)

# %% [markdown] key="09-ex-09-4"
# **ex-09-4.** Средний исторический LTV всех клиентов школы ниже того, что клиент 2023 года принёс за
# свои первые 12 месяцев. Почему?

# %%
print(options("ex-09-4"))
answer = None  # буква, например "a"
check("ex-09-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # в среднее попадают клиенты, пришедшие несколько недель назад и ещё не успевшие купить снова
check("ex-09-4", answer)

# %% [markdown] key="09-summary"
# ## Итоги
#
# | шаг | ltvkit | что проверить |
# |---|---|---|
# | прочитать выгрузку | `read_orders(path, customer=..., date=..., amount=...)` | отчёт: пропущенные строки, их сумма, кодировка, разделитель |
# | одна строка на клиента | `customer_summary(orders, margin=...)` | выручка сходится с итогом по заказам |
# | исторический (валовой) LTV | выручка × маржа на клиента | среднее против медианы; `top_share(revenue, 0.10)` |
# | когорты | `cohort_table(orders, value=...)`, `retention_matrix(orders)` | сравнивайте только клиентов одного возраста |
# | что упускает инструмент с памятью в d дней | `ltv_after_window(orders, window_days=d, months=...)` | храните всю историю; указывайте окно |
#
# frequency = дни покупок − 1 · recency = последняя − первая покупка · T = конец − первая покупка ·
# сумма повторной покупки = выручка после первого дня / frequency. Дальше: ноутбук 10 раскладывает
# этот LTV по партнёрам и каналам и считает цену комиссий.
