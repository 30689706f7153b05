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

# %% [markdown] key="04-title"
# # 04 · Отток и срок жизни: как долго остаётся клиент?
#
# После этого ноутбука вы сможете измерить отток по двум подсчётам, превратить его в ожидаемый срок
# жизни клиента и в LTV и объяснить, что на самом деле постоянный отток делает с группой клиентов
# со временем.
#
# **Вы узнаете**
# - отток = клиенты, ушедшие за месяц / клиенты, платившие в его начале, и что именно считать;
# - ожидаемый срок жизни = 1 / отток, а LTV = цена в месяц × срок жизни;
# - почему клиенты уходят по кривой, а не по прямой: доля всё ещё платящих через 20 и 60 месяцев
#   и медианный срок жизни;
# - как отток задаёт минимум, который клиент должен приносить за период, чтобы окупить стоимость
#   своего привлечения;
# - почему связь между оттоком и LTV обратная и нелинейная, а не «прямая зависимость».
#
# **Что нужно знать**: ноутбук 01 (ARPU × срок жизни) и ноутбук 03 (средние по разным клиентам).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
import numpy as np

from ltvkit import (
    LTVInputError,
    agrees,
    arpu_ltv,
    check,
    churn_rate,
    example,
    format_money,
    format_number,
    format_share,
    lifetime_from_churn,
    linear_decay_curve,
    subscription_ltv,
    survival_curve,
    tr,
    tr_n,
)
from ltvkit.calculators import churn_calculator
from ltvkit.course.exercises import options
from ltvkit.formulas import break_even_price, median_lifetime
from ltvkit.money import format_rows
from ltvkit.plots import line_chart, survival_comparison_chart

# %% [markdown] key="04-e-fitness"
# ## E-fitness: ARPU × срок жизни, когда срок жизни известен
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# иллюстрирует свою базовую формулу, LTV = срок жизни × ARPU, фитнес-клубом. Абонемент стоит
# 500 ₽ в месяц, и типичный член клуба оплачивает сразу полгода. Значит, он платит за 6 месяцев:

# %%
fitness = example("E-fitness")
fitness_ltv = arpu_ltv(arpu=fitness.inputs["monthly_price"], lifetime=fitness.inputs["lifetime_months"])
print(tr("LTV = {ltv} per member", ltv=format_money(fitness_ltv, fitness.currency)))
assert agrees(fitness_ltv, fitness.figures["ltv"])

# %% [markdown] key="04-here-the-lifetime-is"
# Здесь срок жизни найти легко, потому что он куплен заранее: 6 месяцев — это длительность
# абонемента, а не прогноз того, сколько люди остаются. Статья так и говорит: 3 000 ₽ — это то,
# что член клуба тратит за полгода. Те, кто продлевает абонемент, приносят больше, так что
# 3 000 ₽ — это ценность одной покупки, нижняя граница LTV. Когда клиенты платят помесячно, срок
# жизни заранее никто не скажет; его приходится выводить из того, сколько клиентов уходит. Для
# этого и нужен отток.

# %% [markdown] key="04-churn-rate-from-counts"
# ## Отток по подсчётам клиентов
#
# Для бизнеса с ежемесячной оплатой, например для софта, та же статья измеряет отток как число
# клиентов, ушедших за месяц, делённое на число клиентов, которые заплатили за предыдущий месяц.
# Достаточно двух чисел из биллинга. Пример с нашими круглыми числами (в статье чисел нет): в марте
# заплатили 1 000 клиентов, и 50 из них не заплатили в апреле.

# %%
march_payers, lost_in_april = 1000, 50
churn = churn_rate(customers_lost=lost_in_april, customers_at_start=march_payers)
print(tr("Churn in April: {lost} / {paying} = {churn} a month", lost=format_number(lost_in_april),
         paying=format_number(march_payers), churn=format_share(churn)))

# %% [markdown] key="04-three-rules-keep-the"
# Три правила делают подсчёт честным:
#
# - в знаменателе — клиенты, платящие *в начале* месяца; клиенты, которые подключились в апреле,
#   в него не входят и не могут оказаться среди ушедших;
# - оба числа относятся к одному месяцу, и отток — «в месяц»: годовой отток — это другое число, а
#   не двенадцать месячных;
# - один месяц шумный; усредните несколько месяцев, прежде чем строить на этом срок жизни.
#
# `churn_rate` отказывается принимать подсчёт, который не может быть верным, например когда ушло
# больше клиентов, чем было в начале:

# %%
try:
    churn_rate(customers_lost=120, customers_at_start=100)
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown] key="04-e-churn"
# ## E-churn: 5 % в месяц, срок жизни 20 месяцев, LTV 4 000 ₽
#
# «Профессиональная» формула статьи берёт отток 5 % в месяц, говорит, что срок жизни клиента тогда
# 20 месяцев, и при 200 ₽ в месяц получает LTV = 200 × 20 = 4 000 ₽. В другом месте статья даёт
# общее правило: средний срок жизни равен 1 / отток.

# %%
churn_example = example("E-churn")
monthly_churn = churn_example.inputs["churn_per_month"]
lifetime = lifetime_from_churn(monthly_churn)
ltv = subscription_ltv(churn_example.inputs["monthly_price"], churn_rate=monthly_churn)
print(tr_n("Lifetime = 1 / {churn} = {lifetime} month; LTV = {ltv} per customer",
           "Lifetime = 1 / {churn} = {lifetime} months; LTV = {ltv} per customer", lifetime,
           churn=format_number(monthly_churn, 2), lifetime=format_number(lifetime),
           ltv=format_money(ltv, churn_example.currency)))
assert agrees(lifetime, churn_example.figures["lifetime_months"])
assert agrees(ltv, churn_example.figures["ltv"])

# %% [markdown] key="04-a-critical-look-customers"
# ### Критический взгляд: клиенты уходят не по прямой
#
# Числа верные, а объяснение статьи — нет. В её рассказе лояльность клиента каждый месяц
# уменьшается на одни и те же 5 пунктов: 95 %, потом 90 %, потом 85 % — пока не дойдёт до нуля на
# 20-м месяце, и этот месяц статья принимает за срок жизни. Это прямая линия: каждый месяц уходит
# 5 % *исходной группы*, и к 20-му месяцу не остаётся никого.
#
# Отток 5 % в месяц означает другое: каждый месяц уходит 5 % *тех, кто ещё платит*. Через месяц
# остаётся 95 %; через два — 95 % от 95 %, то есть 90,25 %; через три — 85,7 %. Доля оставшихся
# через t месяцев равна 0,95^t: это геометрическая кривая, которая становится всё более пологой и
# никогда не достигает нуля. В первые месяцы два прочтения совпадают, а потом расходятся:

# %%
months = np.arange(0, 61)
geometric = survival_curve(monthly_churn, 60)
straight = linear_decay_curve(monthly_churn, 60)
for month in (1, 2, 3, 10, 20, 40, 60):
    print(tr_n("after {month} months: geometric {geometric}, straight line {straight}",
               "after {month} months: geometric {geometric}, straight line {straight}", month,
               month=str(month).rjust(2), geometric=format_share(geometric[month]).rjust(6),
               straight=format_share(straight[month]).rjust(6)))

# %%
survival_comparison_chart(monthly_churn, 60, marks=[20, 60])

# %% [markdown] key="04-with-a-constant-5"
# При постоянном оттоке 5 % через 20 месяцев всё ещё платят больше трети клиентов, а через пять
# лет — примерно каждый двадцатый. Половина группы уходит примерно за 13,5 месяца: это медианный
# срок жизни, ln 0,5 / ln 0,95.

# %%
after_20, after_60 = geometric[20], geometric[60]
median = median_lifetime(monthly_churn)
print(tr("Still paying after 20 months: {after_20}; after 60 months: {after_60}", after_20=format_share(after_20),
         after_60=format_share(after_60)))
print(tr_n("Median lifetime: {months} month", "Median lifetime: {months} months", median,
           months=format_number(median, 1)))
assert agrees(after_20, churn_example.derived["share_paying_after_20_months"])
assert agrees(after_60, churn_example.derived["share_paying_after_60_months"])
assert agrees(median, churn_example.derived["median_lifetime_months"])

# %% [markdown] key="04-why-the-expected-lifetime"
# ### Почему ожидаемый срок жизни всё равно 1 / отток
#
# Если половина клиентов уходит к 13,5-му месяцу, как средний клиент может оставаться 20 месяцев?
# Посчитайте оплаченные месяцы. В первый месяц платят все (доля 1); во второй — 95 % группы; в
# третий — 90,25 %; и так далее. Ожидаемое число оплаченных месяцев на клиента — это сумма этих
# долей, площадь под кривой дожития:
#
# 1 + 0,95 + 0,95² + 0,95³ + … = 1 / (1 − 0,95) = 1 / 0,05 = 20 месяцев.
#
# Немногие клиенты, которые остаются годами, поднимают среднее (20) выше медианы (13,5) — так же,
# как господин «А» поднимал среднее в ноутбуке 03. При прямой линии статьи та же сумма равна всего
# 10,5 месяца: её собственная картинка дала бы LTV около 2 100 ₽, а не 4 000.

# %%
expected_geometric = survival_curve(monthly_churn, 1000).sum()  # достаточно далеко, чтобы хвост исчез
expected_straight = linear_decay_curve(monthly_churn, 1000).sum()
print(tr("Expected paid months: geometric {geometric}, straight line {straight}",
         geometric=format_number(expected_geometric, 1), straight=format_number(expected_straight, 1)))
print(tr("LTV under the straight line: {ltv}",
         ltv=format_money(churn_example.inputs["monthly_price"] * expected_straight, "RUB")))
assert agrees(expected_geometric, churn_example.figures["lifetime_months"])
assert agrees(expected_straight, churn_example.derived["straight_line_expected_months"])

# %% [markdown] key="04-the-running-sum-shows"
# Нарастающая сумма показывает, как ожидаемые оплаченные месяцы накапливаются месяц за месяцем при
# каждом прочтении: прямая линия останавливается на 10,5, геометрическая кривая медленно
# подбирается к 20.

# %%
line_chart(
    months,
    {tr("geometric: running sum of {base}^t", base=format_number(1 - monthly_churn, 2)): np.cumsum(geometric),
     tr("straight line: running sum"): np.cumsum(straight)},
    xlabel=tr("months since the start"),
    ylabel=tr("expected paid months so far"),
)

# %% [markdown] key="04-so-the-article-s"
# Итак, 20 месяцев и 4 000 ₽ из статьи верны, но по другой причине, чем та, что она называет. В её
# рассказе 20 месяцев — это *самый долгий* срок, который кто-либо остаётся; при постоянном оттоке
# это *среднее*, а типичный (медианный) клиент уходит раньше, и длинный хвост остаётся гораздо
# дольше. На практике это важно: через 20 месяцев треть клиентов всё ещё с вами — их нужно
# обслуживать, им можно продавать и их нужно удерживать.

# %% [markdown] key="04-e-churn-20"
# ## E-churn-20: если 20 % перестают покупать, сколько может стоить клиент?
#
# В разделе об управлении оттоком та же статья описывает клиентов, из которых 20 % перестают
# покупать, и стоимость привлечения среднего клиента 60 $: LTV ниже 60 $ означал бы убыток на
# каждом привлечённом клиенте. Если читать это как 20 % за период (месяц, год — статья не
# уточняет), ожидаемый срок жизни равен 1 / 0,2 = 5 периодам.

# %%
churn_20 = example("E-churn-20")
lifetime_20 = lifetime_from_churn(churn_20.inputs["churn_per_period"])
print(tr_n("Lifetime = 1 / {churn} = {lifetime} period", "Lifetime = 1 / {churn} = {lifetime} periods", lifetime_20,
           churn=format_number(churn_20.inputs["churn_per_period"], 1), lifetime=format_number(lifetime_20)))
assert agrees(lifetime_20, churn_20.derived["lifetime_periods"])

# %% [markdown] key="04-the-ltv-must-at"
# LTV должен как минимум окупить стоимость привлечения: ценность за период × 5 ≥ 60 $. Значит,
# клиент должен приносить не меньше 60 $ / 5 = 12 $ валовой прибыли за период, а валовая маржа
# решает, какая для этого нужна цена. `break_even_price` выполняет расчёт: CAC × отток / маржа.

# %%
cac = churn_20.inputs["cac"]
break_even = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"])
at_half_margin = break_even_price(cac, churn_rate=churn_20.inputs["churn_per_period"], margin=0.5)
print(tr("LTV = CAC = {cac} at {price} of gross profit per period; with a {margin} margin the price must be {half}",
         cac=format_money(cac, "USD"), price=format_money(break_even, "USD"), margin=format_share(0.5, 0),
         half=format_money(at_half_margin, "USD")))
assert agrees(subscription_ltv(break_even, churn_rate=churn_20.inputs["churn_per_period"]),
              churn_20.derived["break_even_ltv"])
assert agrees(break_even, churn_20.derived["break_even_price_per_period"])

# %%
prices = np.arange(0, 31)
line_chart(
    prices,
    {tr("LTV at {churn} churn", churn=format_share(churn_20.inputs["churn_per_period"], 0)): subscription_ltv(
        prices, churn_rate=churn_20.inputs["churn_per_period"]),
     "CAC": np.full(prices.shape, cac)},
    xlabel=tr("gross profit per period, $"),
    ylabel=tr("money per customer"),
    currency="USD",
    title=tr("Below {price} a period the customer never repays the {cac}",  # $ экранирован: это не формула
             price=format_money(break_even, "USD").replace("$", "\\$"), cac=format_money(cac, "USD").replace("$", "\\$")),
)

# %% [markdown] key="04-the-article-s-advice"
# Совет статьи следует из формулы: сократите отток вдвое, до 10 %, и срок жизни удвоится до
# 10 периодов, так что тот же клиент окупит CAC в 60 $ уже при 6 $ за период.

# %% [markdown] key="04-a-critical-look-a"
# ### Критический взгляд: «прямая зависимость», которая работает в обратную сторону
#
# Статья «Увеличение LTV партнеров: проверенные стратегии» называет отток среди факторов LTV и
# называет эту связь прямой зависимостью: чем ниже отток, тем выше LTV. Вторая половина верна, и
# это противоположность прямой (пропорциональной) зависимости: LTV = цена × маржа / отток, то есть
# LTV *обратно* пропорционален оттоку. Сократите отток вдвое — LTV удвоится; удвойте — LTV
# сократится вдвое. И кривая крута там, где отток низкий: одно и то же снижение на один пункт
# стоит гораздо больше при 5 % в месяц, чем при 20 %. С 200 ₽ в месяц из E-churn:

# %%
price = churn_example.inputs["monthly_price"]
rows = []
for before in (0.05, 0.10, 0.20, 0.40):
    after = before - 0.01
    ltv_before, ltv_after = subscription_ltv(price, churn_rate=before), subscription_ltv(price, churn_rate=after)
    change = ltv_after / ltv_before - 1
    rows.append((f"{format_share(before, 0)} -> {format_share(after, 0)}", ltv_before, ltv_after,
                 ("+" if change >= 0 else "") + format_share(change)))
print(format_rows(rows, header=(tr("churn"), tr("LTV before"), tr("LTV after"), tr("change")), decimals=0))

# %%
churns = np.linspace(0.02, 0.5, 49)
line_chart(churns * 100, {tr("LTV = {price} / churn", price=format_number(price)): subscription_ltv(price, churn_rate=churns)},
           xlabel=tr("monthly churn, %"), ylabel=tr("LTV per customer"), currency="RUB",
           title=tr("Lower churn, higher LTV: inversely, and steeply at low churn"))

# %% [markdown] key="04-the-article-s-other"
# Другая фраза статьи — что снижение месячного оттока даже на несколько пунктов может сильно
# поднять LTV — верна там, где отток уже низкий, и почти не верна там, где он высокий. Поэтому,
# прежде чем оценивать программу борьбы с оттоком, выясните, на каком участке кривой вы находитесь.
#
# **ex-04-4.** Почему одно и то же снижение оттока на один пункт поднимает LTV на четверть при
# оттоке 5 % и лишь примерно на двадцатую часть при 20 %?

# %%
print(options("ex-04-4"))
answer = None  # буква, например "a"
check("ex-04-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # LTV — это цена / отток: один пункт — пятая часть оттока 5 % и двадцатая часть оттока 20 %
check("ex-04-4", answer)

# %% [markdown] key="04-try-it"
# ## Попробуйте сами
#
# Двигайте месячный отток и цену: в подписи — ожидаемый срок жизни, LTV, медианный срок жизни и
# доля всё ещё платящих через год, а график перерисовывает оба прочтения оттока. Ползунок оттока
# специально начинается с 0: без оттока никто никогда не уходит, срок жизни бесконечен, и
# калькулятор показывает сообщение вместо числа. Следующая ячейка печатает результат при начальных
# значениях (из E-churn).

# %%
calculator = churn_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="04-this-is-what-the"
# Вот что говорит калькулятор, когда ползунок оттока стоит на 0:

# %%
at_zero = churn_calculator()
at_zero.controls["churn_rate"].value = 0
print(tr("result: {result}  message: {message}", result=at_zero.result_text, message=at_zero.error_text))

# %% [markdown] key="04-exercises"
# ## Упражнения
#
# Запишите своё число вместо `None` и выполните ячейку: `check` скажет, верно ли оно, или даст
# подсказку. Решения свёрнуты под каждым упражнением.
#
# **ex-04-1.** За март заплатили 1 200 клиентов; 90 из них не заплатили за апрель. Если такой отток
# сохранится, каков ожидаемый срок жизни, в месяцах?

# %%
answer = None
check("ex-04-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = lifetime_from_churn(churn_rate(customers_lost=90, customers_at_start=1200))
check("ex-04-1", answer)

# %% [markdown] key="04-ex-04-2"
# **ex-04-2.** При оттоке 5 % в месяц из E-churn какая доля группы новых клиентов всё ещё платит
# через 24 месяца? Ответьте долей (0.5 — половина).

# %%
answer = None
check("ex-04-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = survival_curve(monthly_churn, 24)[24]
check("ex-04-2", answer)

# %% [markdown] key="04-ex-04-3"
# **ex-04-3.** В E-churn-20 (CAC 60 $) отток снижается до 15 % за период, а валовая прибыль
# составляет 40 % цены. При какой наименьшей цене за период, в долларах, клиент окупает стоимость
# своего привлечения?

# %%
answer = None
check("ex-04-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = break_even_price(cac, churn_rate=0.15, margin=0.4)
check("ex-04-3", answer)

# %% [markdown] key="04-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | LTV = ARPU × срок жизни (срок жизни известен) | `arpu_ltv(arpu, lifetime)` | E-fitness: 3 000 ₽ |
# | отток = ушедшие за период / платившие в его начале | `churn_rate(customers_lost, customers_at_start)` | 50 / 1 000 = 5 % |
# | ожидаемый срок жизни = 1 / отток | `lifetime_from_churn(churn_rate)` | E-churn: 20 месяцев |
# | LTV = цена × маржа / отток | `subscription_ltv(price, churn_rate=..., margin=1.0)` | E-churn: 4 000 ₽ |
# | доля всё ещё платящих через t периодов = (1 − отток)^t | `survival_curve(churn_rate, periods)` | 35,8 % через 20, 4,6 % через 60 месяцев |
# | прямая линия статьи: 1 − отток × t | `linear_decay_curve(churn_rate, periods)` | 0 на 20-м месяце (отток так не работает) |
# | медианный срок жизни = ln 0,5 / ln(1 − отток) | `median_lifetime(churn_rate)` | 13,5 месяца |
# | валовая прибыль за период для безубыточности = CAC × отток / маржа | `break_even_price(cac, churn_rate=..., margin=1.0)` | E-churn-20: 12 $ (срок жизни 5) |
# | LTV обратно пропорционален оттоку | `subscription_ltv(price, churn_rate=c)` | 5 % → 4 %: +25 %; 20 % → 19 %: +5,3 % |
#
# Ожидаемый срок жизни — это сумма кривой дожития. Дальше: ноутбук 05 прогнозирует LTV для базы
# клиентов и оценивает способ удержать их подольше.
