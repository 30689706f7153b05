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

# %% [markdown] key="08-title"
# # 08 · Рычаги и расчёты «что если»: что двигает LTV и насколько
#
# После этого ноутбука вы сможете сказать, насколько меняется LTV, когда меняются средний чек,
# частота покупок, срок жизни клиента или маржа, нарисовать ответ диаграммой-«торнадо» и проверить
# утверждение вроде «+5% удержания», прежде чем его повторять.
#
# **Вы узнаете**
# - что в LTV = средний чек × частота × срок жизни × маржа каждый множитель сдвигает LTV на ту же
#   долю, на которую сдвигается сам;
# - почему отток на 10% ниже и удержание на 10% выше — разные изменения и почему «торнадо» поэтому
#   ранжирует *описания* рычага, а не только рычаги;
# - чем процентные пункты отличаются от процентов, что должно означать «+5% удержания повышают
#   прибыль до 95%», чтобы это что-то значило, и сколько от этого остаётся после дисконтирования;
# - почему удержание не «гарантирует» прибыль и почему цифры опроса HubSpot показывают корреляцию,
#   а не причину;
# - какой рычаг двигает каждая стратегия повышения LTV из статей и какие побочные эффекты могут
#   свести выигрыш на нет.
#
# **Что нужно знать**: ноутбуки 03 (E-advanced), 04 (отток и срок жизни) и 06 (LTV:CAC).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from ltvkit import (
    agrees,
    check,
    discounted_ltv,
    example,
    format_money,
    format_number,
    format_share,
    frequency_ltv,
    subscription_ltv,
    tr,
    tr_n,
)
from ltvkit.calculators import levers_calculator
from ltvkit.course.cases import advanced_baseline
from ltvkit.course.exercises import options
from ltvkit.course.strategies import strategies_by_lever, strategies_table, strategy_label
from ltvkit.levers import lever_label, lever_sensitivity, moved_share, retention_lift
from ltvkit.plots import retention_lift_chart, tornado_chart

# %% [markdown] key="08-the-baseline-e-advanced"
# ## Исходная точка: E-advanced с маржой
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса» считает
# свою продвинутую формулу со средним чеком 2 000 ₽, повторной покупкой раз в полгода (2 в год) и
# сроком жизни 3 года: 12 000 ₽ выручки (E-advanced, ноутбук 03). Чтобы говорить о прибыли, нужна
# маржа; исторический пример той же статьи подразумевает 40% (E-historical-margin, ноутбук 02).
# Поэтому исходная точка — валовой LTV 12 000 × 0,4 = 4 800 ₽.

# %%
base = advanced_baseline()
print(base)
print(tr_n("Gross LTV {ltv}; lifetime {lifetime} year = churn {churn} a year = retention {retention} a year",
           "Gross LTV {ltv}; lifetime {lifetime} years = churn {churn} a year = retention {retention} a year",
           base.lifetime_periods, ltv=format_money(base.ltv, "RUB"), lifetime=format_number(base.lifetime_periods),
           churn=format_number(base.churn_rate, 4), retention=format_number(base.retention_rate, 4)))
revenue_ltv = frequency_ltv(base.average_order_value, base.purchases_per_period, base.lifetime_periods)
assert agrees(revenue_ltv, example("E-advanced").figures["ltv"])
assert agrees(base.ltv, example("E-advanced").figures["ltv"] * example("E-historical-margin").derived["implied_margin"])

# %% [markdown] key="08-the-lifetime-can-be"
# Срок жизни можно описать тремя способами: 3 года; отток 1/3 в год (срок жизни = 1 / отток,
# ноутбук 04); удержание 2/3 в год (удержание = 1 − отток). Это один факт о клиентах, но «изменение на
# 10%» в каждом из них — разное изменение.

# %% [markdown] key="08-10-on-each-lever"
# ## ±10% к каждому рычагу: «торнадо»
#
# `lever_sensitivity` сдвигает каждый рычаг на 10% вниз и на 10% вверх от исходной точки, оставляя
# остальные на месте, и записывает LTV. Таблица перечисляет рычаги по тому, насколько далеко друг от
# друга их два LTV.

# %%
sensitivity = lever_sensitivity(**base.as_kwargs(), change=0.10)
sensitivity.table()

# %%
tornado_chart(sensitivity, currency="RUB")

# %% [markdown] key="08-what-the-chart-says"
# Что говорит диаграмма, рычаг за рычагом:
#
# - **средний чек, частота, маржа, срок жизни**: каждый — множитель LTV, поэтому ±10% к любому из
#   них — это ±10% к LTV (±480 ₽). Ни один множитель не «сильнее» другого; различается то, насколько
#   трудно и дорого сдвинуть каждый.
# - **отток**: отток на 10% ниже (1/3 → 0,3 в год) удлиняет срок жизни до 3,33 года: +11,1%. Отток на
#   10% выше сокращает его всего на 9,1%. Срок жизни = 1 / отток — кривая, а не прямая.
# - **удержание**: удержание на 10% выше (0,667 → 0,733) означает, что отток падает с 0,333 до 0,267,
#   на пятую часть: срок жизни растёт до 3,75 года, +25%. Эта полоса самая широкая, потому что 10%
#   удержания — более сильное изменение для клиентов, чем 10% чего угодно другого здесь.

# %%
factors = [e for e in sensitivity.effects if e.lever in ("average check", "purchase frequency", "gross margin",
                                                        "lifetime")]
assert all(agrees(e.ltv_high / sensitivity.baseline_ltv, 1.1) for e in factors)
for e in sensitivity.effects:
    if e.lever in ("churn", "retention"):
        print(tr("{lever}: {base} -> {low} gives LTV {ltv_low}; -> {high} gives {ltv_high}", lever=lever_label(e.lever),
                 base=format_number(e.base_value, 4), low=format_number(e.low_value, 4),
                 ltv_low=format_money(e.ltv_low, "RUB"), high=format_number(e.high_value, 4),
                 ltv_high=format_money(e.ltv_high, "RUB")))

# %% [markdown] key="08-points-or-percent"
# ### Пункты или проценты?
#
# Доля — например, маржа или удержание — может вырасти «на 10%» двумя способами: на 10% **от самой
# себя** (40% → 44%) или на 10 **процентных пунктов** (40% → 50%). Для LTV первое — это +10%, второе —
# +25%. Когда утверждение говорит «+5%» или «+10%» о доле, спросите, что из двух имеется в виду.

# %%
for mode in ("relative", "points"):
    margin = moved_share(base.margin, 0.10, mode)
    ltv = frequency_ltv(base.average_order_value, base.purchases_per_period, base.lifetime_periods, margin)
    print(tr("margin +10 ({mode}): {before} -> {after}, LTV {ltv} (+{change})",
             mode=tr("relative") if mode == "relative" else tr("points"), before=format_share(base.margin, 0),
             after=format_share(margin, 0), ltv=format_money(ltv, "RUB"), change=format_share(ltv / base.ltv - 1, 0)))

# %% [markdown] key="08-e-retention-5"
# ## E-retention-5: «+5% удержания повышают прибыль до 95%»
#
# Статья ссылается на Bain & Company: небольшой рост удержания, на 5%, может поднять прибыль на целых
# 95% (в других местах утверждение обычно звучит как «от 25 до 95%»). Модель оттока из ноутбука 04
# показывает, сколько всего может значить «5%». Срок жизни = 1 / (1 − удержание):
#
# - **+5 процентных пунктов от 80%**: удержание 80% → 85%, срок жизни 5 → 6,67 периода, +33%;
# - **+5% от 95%** (относительно): 95% → 99,75%, срок жизни 20 → 400 месяцев, в двадцать раз дольше;
# - **+5 пунктов от 95%**: удержание 100%, клиенты никогда не уходят — конечного ответа нет.

# %%
claim = example("E-retention-5")
d = claim.derived
change = claim.inputs["retention_increase"]
points = retention_lift(d["points_base_retention"], change, "points")
relative = retention_lift(d["relative_base_retention"], change, "relative")
for name, lift in ((tr("+{points} points", points=format_number(change * 100)), points),
                   (tr("+{share} relative", share=format_share(change, 0)), relative)):
    print(tr("{name}: retention {before} -> {after}, lifetime {lifetime_before} -> {lifetime_after} periods "
             "(+{increase}%)", name=name.ljust(13), before=format_share(lift.retention_before, 2),
             after=format_share(lift.retention_after, 2), lifetime_before=format_number(lift.lifetime_before, 2),
             lifetime_after=format_number(lift.lifetime_after, 2),
             increase=format_number(lift.lifetime_increase_percent)))
assert agrees(points.lifetime_before, d["points_lifetime_before"])
assert agrees(points.lifetime_after, d["points_lifetime_after"])
assert agrees(points.lifetime_increase_percent, d["points_lifetime_increase_percent"])
assert agrees(relative.retention_after, d["relative_retention_after"])
assert agrees(relative.lifetime_before, d["relative_lifetime_before"])
assert agrees(relative.lifetime_after, d["relative_lifetime_after"])
print(tr("The article's figure: profit up to +{up_to}% (usually quoted as +{low}% to +{up_to}%)",
         up_to=format_number(claim.figures["profit_increase_up_to_percent"]),
         low=format_number(d["usually_quoted_low_percent"])))

# %% [markdown] key="08-the-same-5-at"
# Те же «+5%» при разных исходных точках, в обоих прочтениях:

# %%
for retention in (0.5, 0.6, 0.7, 0.8, 0.9):
    p = retention_lift(retention, change, "points")
    r = retention_lift(retention, change, "relative")
    print(tr("from {base}: +{points} points -> lifetime {by_points}%; +{share} relative -> {by_share}%",
             base=format_share(retention, 0), points=format_number(change * 100),
             by_points=("+" + format_number(p.lifetime_increase_percent, 1)).rjust(6), share=format_share(change, 0),
             by_share=("+" + format_number(r.lifetime_increase_percent, 1)).rjust(6)))

# %%
retention_lift_chart(change, marks=[points, relative])

# %% [markdown] key="08-discounting-tames-the-claim"
# ### Дисконтирование усмиряет утверждение
#
# Срок жизни в двадцать раз дольше — это не ценность в двадцать раз выше. Дополнительные месяцы
# наступают в далёком будущем, а деньги в далёком будущем сегодня стоят мало (ноутбук 05). При
# дисконтировании 1% в месяц 200 ₽ в месяц из E-churn от клиента при удержании 95% сегодня стоят
# 3 367 ₽; при 99,75% — 16 160 ₽: примерно в 4,8 раза больше, а не в 20. Чем длиннее срок жизни,
# который обещает утверждение, тем больше от него отнимает дисконтирование.

# %%
monthly_discount = 0.01  # наше допущение: 1 % в месяц
price = example("E-churn").inputs["monthly_price"]
for label, retention in ((tr("before"), relative.retention_before), (tr("after"), relative.retention_after)):
    print(tr("retention {retention} ({label}): {as_paid} as paid, {today} today", retention=format_share(retention, 2),
             label=label, as_paid=format_money(subscription_ltv(price, churn_rate=1 - retention), "RUB"),
             today=format_money(discounted_ltv(price, retention, monthly_discount), "RUB", decimals=0)))
as_paid = relative.lifetime_after / relative.lifetime_before
today = discounted_ltv(price, relative.retention_after, monthly_discount) / discounted_ltv(
    price, relative.retention_before, monthly_discount)
print(tr("value after / before: {as_paid} times as paid, {today} times in today's money",
         as_paid=format_number(as_paid, 1), today=format_number(today, 1)))
assert agrees(today, d["discounted_ltv_ratio_at_1_percent_a_month"])

# %% [markdown] key="08-a-critical-look-the"
# ### Критический взгляд: в таком виде утверждение не проверить
#
# При постоянной марже за период LTV растёт вместе со сроком жизни, так что «+5% удержания» поднимают
# LTV на что угодно — примерно от +5% до +1 900% (и больше) — в зависимости от того, с какого
# удержания начинать, от периода (месяц или год) и от того, пункты это или проценты. «До 95%» лежит в
# этом диапазоне, как и почти любая другая цифра. И прибыль — не LTV: прибыль компании зависит ещё и
# от того, во что обходится дополнительное удержание (скидки, сервис, менеджеры), и от числа
# клиентов. Чтобы утверждение можно было проверить, нужны: исходное удержание и его период, пункты
# или проценты, что такое «прибыль» (на клиента за срок жизни или компании за год), отрасль и
# стоимость изменения.
#
# ### Критический взгляд: удержание не «гарантирует» прибыль
#
# Статья называет прибыль от удержания имеющихся клиентов гарантированной. Но удержание клиентов
# стоит денег: скидки, бонусы, сервис и менеджеры, которые программа удержания оплачивает за каждого
# охваченного клиента, в том числе за тех, кто остался бы и так. Допустим, программа поднимает
# месячное удержание в E-churn с 95% до 96% и стоит фиксированную сумму на клиента в месяц. LTV после
# её затрат равен (цена − затраты) / отток:

# %%
churn_before, churn_after = 0.05, 0.04
ltv_before = subscription_ltv(price, churn_rate=churn_before)
for cost in (15, 40, 60):  # ₽ на клиента в месяц, допущения
    ltv_after = subscription_ltv(price - cost, churn_rate=churn_after)
    change_in_ltv = ltv_after / ltv_before - 1
    print(tr("programme at {cost} RUB a month: LTV {before} -> {after} ({change})", cost=format_number(cost),
             before=format_money(ltv_before, "RUB"), after=format_money(ltv_after, "RUB"),
             change=("+" if change_in_ltv >= 0 else "") + format_share(change_in_ltv, 1)))
print(tr("break-even cost: {cost} a customer a month", cost=format_money(price - ltv_before * churn_after, "RUB")))

# %% [markdown] key="08-above-40-rub-a"
# Дороже 40 ₽ в месяц программа удерживает клиентов дольше и теряет деньги на каждом из них.
# Удержание окупается, когда стоит меньше, чем добавляет, а сколько оно добавляет, говорит только
# эксперимент (группа, получившая программу, против группы, которая её не получила).

# %% [markdown] key="08-e-hubspot-service"
# ## E-hubspot-service: 55% растущих компаний вкладываются в сервис, 29% остальных
#
# Чтобы доказать, что довольные клиенты тратят больше, статья ссылается на HubSpot Research: 55%
# уверенно растущих компаний продолжают вкладываться в улучшение клиентского сервиса, против 29% тех,
# чья выручка стоит на месте или падает.

# %%
survey = example("E-hubspot-service").figures
print(tr("investing in service: {growing} of growing firms, {others} of the others",
         growing=format_share(survey["growing_firms_investing"], 0), others=format_share(survey["other_firms_investing"], 0)))

# %% [markdown] key="08-a-critical-look-who"
# ### Критический взгляд: кто вкладывается, а не что дают вложения
#
# Цифры верны для опроса и говорят меньше, чем выводит из них статья («всё просто: компании,
# ориентированные на клиента, зарабатывают больше»):
#
# - **корреляция, а не причина**: у растущих компаний есть деньги, чтобы тратить — и на сервис, и на
#   всё остальное. Рост может вызывать вложения с тем же успехом, что и вложения — рост;
# - **ошибка выжившего**: компании, которые вложились в сервис и всё равно сократились или закрылись,
#   попали в «остальные» или вовсе не вошли в опрос. Если считать только тех, кто выжил, их общие
#   черты выглядят лучше, чем есть;
# - **доля компаний, а не эффект на прибыль**: 55% против 29% говорят, сколько компаний каждого рода
#   вкладываются, но ничего о том, насколько изменился LTV какой-либо компании из-за этого.
#
# Проверить утверждение помог бы эксперимент из ноутбука 11: лучший сервис для части клиентов,
# выбранных случайно, и сравнение их LTV с LTV остальных.
#
# **ex-08-4.** Почему цифры HubSpot не показывают, что вложения в сервис заставляют компанию расти?

# %%
print(options("ex-08-4"))
answer = None  # буква, например "a"
check("ex-08-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "c"  # рост может оплачивать сервис, а вложившиеся и прогоревшие компании не попали в число растущих
check("ex-08-4", answer)

# %% [markdown] key="08-e-sale-probability"
# ## E-sale-probability: 5–20% для нового клиента, 60–70% для существующего
#
# Статья оценивает шансы закрыть продажу в 5–20% с новым клиентом и около 60–70% с существующим и
# ссылается на журнал, название которого выпало из текста. В такой формулировке отношение между ними
# может быть каким угодно — от 3 до 14:

# %%
sale = example("E-sale-probability").figures
print(tr("new {new_low}-{new_high}, existing {existing_low}-{existing_high}: a sale to an existing customer is "
         "{least} to {most} times as likely", new_low=format_share(sale["new_low"], 0),
         new_high=format_share(sale["new_high"], 0), existing_low=format_share(sale["existing_low"], 0),
         existing_high=format_share(sale["existing_high"], 0), least=format_number(sale["existing_low"] / sale["new_high"]),
         most=format_number(sale["existing_high"] / sale["new_low"])))

# %% [markdown] key="08-to-be-checkable-it"
# Чтобы это можно было проверить, нужны знаменатель и окно: вероятность на что (предложение, визит,
# письмо, месяц?), кто считается «новым» (лид, который спросил цену, или любой, до кого дошла
# реклама?), за какой период, в какой отрасли. В таком виде это конверсия, которую может измерить
# любая CRM: заказы / предложения, отдельно для существующих и для новых контактов.

# %% [markdown] key="08-e-acquisition-25x"
# ## E-acquisition-25x: «привлечь клиента стоит до 25 раз дороже, чем удержать»
#
# Ссылаясь на Harvard Business Review, статья оценивает стоимость нового клиента в сумму до 25 раз
# больше стоимости удержания имеющегося. «До» даёт только верхнюю границу, так что с ним согласуется
# любое меньшее отношение. К тому же эти две стоимости разного рода: CAC платят один раз за клиента, а
# затраты на удержание — за клиента за период. С CAC оператора связи из ноутбука 07 «в 25 раз»
# означает, что удержание клиента стоит 20 ₽, — правдоподобно в месяц и нелепо мало за весь срок
# жизни:

# %%
ratio = example("E-acquisition-25x").figures["acquisition_to_retention_cost_up_to"]
cac = example("E-telecom-budget").inputs["cac"]
print(tr("CAC {cac} / {ratio} = {keep} to keep a customer (per month? per year? per lifetime?)",
         cac=format_money(cac, "RUB"), ratio=format_number(ratio), keep=format_money(cac / ratio, "RUB")))

# %% [markdown] key="08-to-be-checkable-it-2"
# Чтобы это можно было проверить, обе стоимости надо измерить в одной компании на одном горизонте:
# расходы на привлечение на одного привлечённого клиента против расходов на удержание (скидки, сервис,
# программа лояльности) на одного удержанного клиента за названный период.

# %% [markdown] key="08-the-articles-strategies-and"
# ## Стратегии из статей и рычаг, который двигает каждая
#
# Три статьи о повышении LTV («Как посчитать LTV и использовать эту метрику для повышения
# эффективности бизнеса»; «Увеличение LTV партнеров: проверенные стратегии»; «联盟营销中客户终身价值的衡量与提升»
# (Измерение и повышение CLTV в партнёрском маркетинге)) перечисляют много тактик.
# `ltvkit.levers.STRATEGIES` сопоставляет каждой множитель LTV, который она двигает; столбец
# источников даёт номера файлов статей (000 — партнёры, 001 — как посчитать, 003 — партнёрский
# маркетинг).

# %%
strategies_table()

# %%
for lever, names in strategies_by_lever().items():
    print(tr_n("{lever} {count} strategy: {names}", "{lever} {count} strategies: {names}", len(names),
               lever=lever_label(lever).ljust(20), count=len(names), names="; ".join(map(strategy_label, names))))

# %% [markdown] key="08-most-tactics-aim-at"
# Большинство тактик нацелены на частоту и срок жизни; только одна (дешевле обслуживание) поднимает
# маржу, а несколько *снижают* её как побочный эффект. Это может свести выигрыш на нет: программа
# лояльности, которая даёт на 10% больше покупок, но оплачивает их скидками на 10% маржи, оставляет
# LTV чуть *ниже* исходного.

# %%
loyalty = frequency_ltv(base.average_order_value, base.purchases_per_period * 1.10, base.lifetime_periods,
                        base.margin * 0.90)
print(tr("+10% frequency, -10% margin: LTV {ltv} against {base}", ltv=format_money(loyalty, "RUB", decimals=0),
         base=format_money(base.ltv, "RUB", decimals=0)))

# %% [markdown] key="08-better-partner-traffic-moves"
# «Более качественный партнёрский трафик» не двигает ни одного множителя LTV отдельного клиента: он
# меняет CAC и то, какие клиенты приходят, поэтому его место рядом с LTV:CAC (ноутбук 06) и с LTV по
# каналам (ноутбук 10).

# %% [markdown] key="08-try-it"
# ## Попробуйте сами
#
# Двигайте четыре рычага: подпись показывает LTV и рычаг, чьи ±10% сдвигают его сильнее всего, а
# «торнадо» перерисовывается. Срок жизни меньше года отклоняется, потому что отток = 1 / срок жизни
# должен быть долей (поставьте срок жизни 0 или 0,5, чтобы увидеть сообщение). Следующая ячейка
# печатает результат в исходной точке.

# %%
calculator = levers_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="08-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку. Решения свёрнуты под каждым упражнением.
#
# **ex-08-1.** Апсейл поднимает средний чек исходной точки на 20%, но скидки, которые к нему
# прилагаются, снижают маржу с 40% до 36%. На сколько процентов меняется LTV?

# %%
answer = None
check("ex-08-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
upsold = frequency_ltv(base.average_order_value * 1.2, base.purchases_per_period, base.lifetime_periods, 0.36)
answer = (upsold / base.ltv - 1) * 100
check("ex-08-1", answer)

# %% [markdown] key="08-ex-08-2"
# **ex-08-2.** Подписка удерживает 90% клиентов каждый месяц. Удержание растёт на 5% (от самого себя,
# а не на 5 пунктов). Каков теперь ожидаемый срок жизни в месяцах?

# %%
answer = None
check("ex-08-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_lift(0.90, change, "relative").lifetime_after
check("ex-08-2", answer)

# %% [markdown] key="08-ex-08-3"
# **ex-08-3.** В исходной точке отток снижается на четверть (от самого себя). Каков новый LTV в рублях?

# %%
answer = None
check("ex-08-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
longer = 1 / (base.churn_rate * 0.75)  # лет
answer = frequency_ltv(base.average_order_value, base.purchases_per_period, longer, base.margin)
check("ex-08-3", answer)

# %% [markdown] key="08-summary"
# ## Итоги
#
# | идея | формула | ltvkit | пример |
# |---|---|---|---|
# | множители LTV | LTV = чек × частота × срок жизни × маржа | `frequency_ltv(...)` | 2 000 × 2 × 3 × 0,4 = 4 800 ₽ |
# | один множитель ±x% | LTV ±x% | `lever_sensitivity(...)` | ±10% → ±480 ₽ |
# | отток −x% | срок жизни × 1 / (1 − x) | `lever_sensitivity(...)` | −10% → +11,1% |
# | доля (маржа, удержание) после изменения | s + Δ (пункты) или s × (1 + Δ) (относительно) | `moved_share(share, change, mode)` | маржа 40% → 50% или 44% |
# | срок жизни по удержанию | 1 / (1 − удержание) | `retention_lift(r, change, mode)` | 80% → 85%: 5 → 6,67 периода |
# | «торнадо» | LTV при каждом рычаге ±10% | `tornado_chart(sensitivity)` | удержание шире всех |
#
# | дисконтированная ценность за срок жизни | Σ маржа × r^t / (1 + d)^t | `discounted_ltv(margin, r, d)` | 95% → 99,75% при 1% в месяц: × 4,8, а не × 20 |
# | удержание за вычетом его затрат | (цена − затраты) / отток | `subscription_ltv(price - cost, churn_rate=...)` | 95% → 96%: окупается только дешевле 40 ₽ в месяц |
#
# Прежде чем поверить в «+5% удержания», спросите: пункты или проценты, от какой базы, за какой
# период, с дисконтированием или без и во что это обходится. Прежде чем поверить опросу, спросите,
# кого посчитали и не может ли причина идти в обратную сторону. Дальше: ноутбук 09 считает LTV по
# реальным заказам магазина.
