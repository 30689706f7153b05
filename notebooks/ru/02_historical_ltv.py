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

# %% [markdown] key="02-title"
# # 02 · Исторический LTV: от покупок клиента к прибыли
#
# После этого ноутбука вы сможете посчитать LTV клиента по истории его заказов, пройти путь от
# выручки к валовой прибыли и к прибыли за вычетом стоимости привлечения и сказать, какое из этих
# чисел имеет в виду статья, когда пишет «LTV».
#
# **Вы узнаете**
# - что исторический LTV — это сумма покупок одного клиента, а его быстрая замена — средний чек × число заказов;
# - как валовая маржа превращает выручку в валовую прибыль и как восстановить маржу, которую статья не называет;
# - что валовой LTV, LTV за вычетом стоимости привлечения и соотношение LTV:CAC — три разных числа;
# - «полную» формулу с себестоимостью и почему маржу и себестоимость нельзя вычитать вместе;
# - восемь подписей, без которых значение LTV ничего не значит (чек-лист значения LTV);
# - почему история, которую хранит система веб-аналитики, занижает ценность самых лояльных клиентов.
#
# **Что нужно знать**: ноутбук 01 (ARPU × срок жизни; периоды и единицы).

# %% tags=["language"]
import ltvkit

ltvkit.set_language("ru")

# %%
from ltvkit import (
    LTVInputError,
    agrees,
    check,
    example,
    format_money,
    format_number,
    format_ratio,
    format_share,
    frequency_ltv,
    historical_ltv,
    ltv_to_cac,
    tr,
    tr_n,
)
from ltvkit.calculators import historical_calculator
from ltvkit.course.checklist import ltv_checklist
from ltvkit.course.exercises import options
from ltvkit.money import format_rows
from ltvkit.plots import bar_chart, waterfall_chart

# %% [markdown] key="02-historical-or-predictive"
# ## Исторический или прогнозный?
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса»
# различает два способа считать LTV. **Исторический** LTV берёт то, что клиент действительно
# купил, по данным CRM или журнала заказов магазина: он смотрит назад. **Прогнозный** LTV по
# средним показателям оценивает, сколько клиенты ещё принесут; он нужен молодому бизнесу без
# такой истории или для клиентов, которые продолжают покупать (ноутбук 05). Этот ноутбук — о
# первом способе: в каждом примере складываются деньги, которые клиент уже заплатил.

# %% [markdown] key="02-e-courses"
# ## E-courses: три покупки курсов, от выручки к чистой прибыли
#
# Та же статья объясняет LTV на примере продавца онлайн-курсов, у которого прибыль составляет
# половину каждой продажи. Один клиент возвращается трижды и платит 6 000, потом 4 000, потом
# 8 000 ₽. Реклама, которая его привела, стоила 1 000 ₽, а удержание не стоило ничего. Статья
# складывает покупки, делит сумму пополам, вычитает рекламу и называет остаток LTV клиента.

# %%
courses = example("E-courses")
purchases = courses.inputs["purchases"]
margin = courses.inputs["margin"]
cac = courses.inputs["acquisition_cost"]

revenue = historical_ltv(purchases)
gross = historical_ltv(purchases, margin=margin)
net = historical_ltv(purchases, margin=margin, acquisition_cost=cac, retention_cost=courses.inputs["retention_cost"])
print(format_rows([
    (tr("revenue from the three purchases"), revenue),
    (tr("gross profit at a {margin} margin", margin=format_share(margin, 0)), gross),
    (tr("after the advertising (CAC)"), net),
]))
assert agrees(revenue, courses.figures["revenue"])
assert agrees(gross, courses.figures["gross_profit"])
assert agrees(net, courses.figures["ltv_net_of_acquisition"])

# %% [markdown] key="02-the-waterfall-shows-the"
# Каскадная диаграмма показывает шаги: выручку, половину, которая уходит на сами курсы, рекламу
# и то, что остаётся.

# %%
waterfall_chart(
    [(tr("revenue"), revenue), (tr("cost of the courses ({share})", share=format_share(1 - margin, 0)), gross - revenue),
     (tr("advertising (CAC)"), net - gross)],
    currency="RUB",
    title=tr("E-courses: one customer's three purchases"),
)

# %% [markdown] key="02-a-critical-look-three"
# ### Критический взгляд: три числа, и все называются «LTV»
#
# В одном абзаце статья сначала говорит, что ценность клиента — это *вся выручка*, которую он
# принёс (18 000 ₽), затем берёт долю прибыли (9 000) и, наконец, называет «LTV» то, что осталось
# после рекламы (8 000). Каждое из трёх можно защитить, но это разные показатели:
#
# | показатель | что он считает | E-courses |
# |---|---|---|
# | LTV по выручке | всё, что клиент заплатил | 18 000 ₽ |
# | **валовой LTV** | выручка × валовая маржа | 9 000 ₽ |
# | LTV **за вычетом стоимости привлечения** | валовой LTV − CAC (− расходы на удержание) | 8 000 ₽ |
#
# Значит, 8 000 из статьи — это LTV *за вычетом стоимости привлечения*. Это важно, как только LTV
# ставят рядом с CAC. Обычное соотношение LTV:CAC делит **валовой** LTV на CAC: во сколько раз
# прибыль от клиента окупает затраты на его привлечение. Если делить чистое значение, CAC
# вычитается дважды: один раз при вычитании и ещё раз как делитель.

# %%
ratio = ltv_to_cac(ltv=gross, cac=cac)
print(tr("gross LTV {gross} / CAC {cac} = LTV:CAC {ratio}", gross=format_money(gross, "RUB"),
         cac=format_money(cac, "RUB"), ratio=format_ratio(ratio)))
assert agrees(gross, courses.derived["gross_ltv"])
assert agrees(ratio, courses.derived["ltv_to_cac"])

# %%
bar_chart(
    [tr("revenue"), tr("gross LTV"), tr("net of CAC")],
    [revenue, gross, net],
    currency="RUB",
    title=tr("Three numbers called LTV for the same customer"),
)

# %% [markdown] key="02-the-ltv-figure-checklist"
# ### Чек-лист значения LTV
#
# «Выручка, валовая прибыль или чистая» — один из восьми вопросов, которые стоит задать любому LTV,
# прежде чем сравнивать его, ставить рядом с CAC или закладывать в план. `ltv_checklist`
# записывает значение вместе с его подписями и говорит, каких не хватает. Вот 8 000 ₽ из статьи —
# с тем, что статья о них говорит, и ничем больше:

# %%
print(ltv_checklist(
    courses.figures["ltv_net_of_acquisition"],
    currency=courses.currency,
    period=tr("the customer's three purchases so far"),
    measure="gross profit",
    cac="after CAC",
    statistic="one customer",
))

# %% [markdown] key="02-three-labels-are-missing"
# Не хватает трёх подписей. Без **ставки дисконтирования** неизвестно, сложены ли покупки,
# сделанные с разницей в годы, как равные деньги (ноутбук 05). Без **горизонта** и **возраста
# когорты** неизвестно, закончил ли клиент покупать: клиента, за которым наблюдали месяц, и
# клиента, за которым наблюдали пять лет, сравнивать нельзя. Спрашивайте все восемь, когда вам
# называют LTV, и указывайте все восемь, когда называете его сами (ноутбук 16 попросит об этом).

# %% [markdown] key="02-e-historical-sum"
# ## E-historical-sum: сложить покупки
#
# Раздел статьи об историческом LTV начинается с самого простого рецепта: LTV клиента — это сумма
# всех заказов в его истории, взятая из CRM. У клиента из примера три заказа: на 1 800, 3 400 и
# 6 000 ₽.

# %%
history = example("E-historical-sum")
total = historical_ltv(history.inputs["purchases"])
print(tr("Historical LTV = {purchases} = {total}",
         purchases=" + ".join(format_number(p) for p in history.inputs["purchases"]), total=format_money(total, "RUB")))
assert agrees(total, history.figures["ltv"])

# %%
waterfall_chart(
    [(tr("purchase {n}", n=n), amount) for n, amount in enumerate(history.inputs["purchases"], start=1)],
    currency="RUB",
    title=tr("E-historical-sum: the value builds up order by order"),
)

# %% [markdown] key="02-this-is-revenue-it"
# Это выручка. Она говорит, сколько клиент заплатил, а не сколько осталось бизнесу.

# %% [markdown] key="02-e-historical-margin"
# ## E-historical-margin: те же покупки, умноженные на валовую маржу
#
# Следующий шаг статьи задуман как более точный: умножить сумму покупок клиента на среднюю валовую
# маржу (в терминах статьи *СВП* — доля валовой прибыли в выручке). Для того же клиента статья
# получает 4 480 ₽, но так и не говорит, какую маржу взяла.

# %%
with_margin = example("E-historical-margin")
print(format_rows([
    (tr("sum of the purchases"), historical_ltv(with_margin.inputs["purchases"])),
    (tr("the article’s LTV with a margin"), with_margin.figures["ltv"]),
]))

# %% [markdown] key="02-ex-02-1"
# **ex-02-1.** Какая валовая маржа (доля от 0 до 1) превращает сумму покупок в значение из
# статьи? Запишите её вместо `None`.

# %%
answer = None
check("ex-02-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = with_margin.figures["ltv"] / historical_ltv(with_margin.inputs["purchases"])
check("ex-02-1", answer)

# %% [markdown] key="02-the-implied-margin-is"
# Подразумеваемая маржа — это значение из статьи, делённое на выручку. С ней `historical_ltv`
# воспроизводит 4 480:

# %%
implied_margin = with_margin.figures["ltv"] / historical_ltv(with_margin.inputs["purchases"])
print(tr("implied gross margin: {margin} ({share})", margin=format_number(implied_margin, 2),
         share=format_share(implied_margin, 0)))
assert agrees(implied_margin, with_margin.derived["implied_margin"])
reproduced = historical_ltv(with_margin.inputs["purchases"], margin=implied_margin)
print(tr("LTV at that margin: {ltv}", ltv=format_money(reproduced, "RUB")))
assert agrees(reproduced, with_margin.figures["ltv"])

# %% [markdown] key="02-a-critical-look-gross"
# ### Критический взгляд: валовая прибыль и недостающее исходное данное
#
# - Статья говорит, что 4 480 ₽ — это *чистая* прибыль, которую принёс клиент. Выручка × валовая
#   маржа — это **валовая** прибыль: из неё вычтена только себестоимость проданного. Затраты на
#   привлечение и удержание, а также накладные расходы бизнеса в ней остаются (следующий шаг
#   показывает E-courses).
# - Значение, которое зависит от маржи, можно проверить и использовать повторно, только если маржа
#   названа. Здесь читателю приходится восстанавливать её в обратную сторону. В своих отчётах
#   пишите маржу рядом с LTV.

# %% [markdown] key="02-e-check-times-orders"
# ## E-check-times-orders: средний чек × число заказов
#
# Дальше статья предлагает ещё более быстрый способ: средний чек компании, умноженный на число
# заказов одного клиента. При среднем чеке 1 500 ₽ и клиенте, который заказывал 17 раз, выходит
# 25 500 ₽ (статья называет это «жизненным циклом» клиента, хотя это сумма денег, а не отрезок
# времени).

# %%
check_orders = example("E-check-times-orders")
by_average = frequency_ltv(
    average_order_value=check_orders.inputs["average_order_value"],
    purchases_per_period=check_orders.inputs["orders"],
    lifetime_periods=1,  # вся история до сих пор считается одним периодом
)
orders = check_orders.inputs["orders"]
print(tr_n("{check} x {orders} order = {ltv}", "{check} x {orders} orders = {ltv}", orders,
           check=format_money(check_orders.inputs["average_order_value"], "RUB"), orders=orders,
           ltv=format_money(by_average, "RUB")))
assert agrees(by_average, check_orders.figures["ltv"])

# %% [markdown] key="02-the-article-notes-that"
# Статья замечает, что к этому способу тоже можно применить маржу (это делает ex-02-4) и что он даёт
# среднее, а не фактическое значение для этого клиента. Вот почему это важно: способ точен только
# со *своим* средним чеком клиента. Клиент из E-historical-sum сделал 3 заказа на 11 200 ₽ в
# сумме; средний чек компании в 1 500 ₽ приписал бы ему гораздо меньше:

# %%
own_purchases = history.inputs["purchases"]
own_average = historical_ltv(own_purchases) / len(own_purchases)
exact = frequency_ltv(own_average, len(own_purchases), lifetime_periods=1)
company_average = frequency_ltv(check_orders.inputs["average_order_value"], len(own_purchases), lifetime_periods=1)
print(tr("own average check {check} x {orders} = {ltv}", check=format_money(own_average, "RUB", decimals=2),
         orders=len(own_purchases), ltv=format_money(exact, "RUB")))
print(tr("company average check x {orders} = {ltv}", orders=len(own_purchases),
         ltv=format_money(company_average, "RUB")))
assert agrees(exact, history.figures["ltv"])

# %% [markdown] key="02-use-average-check-orders"
# Средний чек × число заказов годится для быстрой оценки группы клиентов, а для одного клиента
# берите настоящую историю заказов (E-historical-sum).

# %% [markdown] key="02-e-three-orders"
# ## E-three-orders: год заказов в долларах
#
# Переходя к измерению LTV, статья оценивает один год клиента в долларах: 3 заказа в среднем по
# 600 $ дают LTV 1 800 $.

# %%
three = example("E-three-orders")
year_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=1)
print(tr_n("{orders} order x {check} = {ltv}", "{orders} orders x {check} = {ltv}", three.inputs["orders"],
           orders=three.inputs["orders"], check=format_money(three.inputs["average_order_value"], three.currency),
           ltv=format_money(year_value, three.currency)))
assert agrees(year_value, three.figures["ltv"])

# %% [markdown] key="02-a-critical-look-one"
# ### Критический взгляд: один год — это не вся жизнь клиента
#
# 1 800 $ — это выручка за один год. Пожизненной ценностью клиента она будет, только если он
# перестанет покупать после этого года; клиент, который три года покупает в том же темпе, приносит
# втрое больше, и всё это ещё не прибыль. Частотная формула из ноутбука 03 явно добавляет срок
# жизни. Здесь — та же функция для срока от одного до трёх лет:

# %%
years = [1, 2, 3]
by_years = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=years)
for n, value in zip(years, by_years, strict=True):
    print(tr_n("customer who stays {n} year(s): {value}", "customer who stays {n} year(s): {value}", n,
               n=n, value=format_money(value, three.currency)))

# %% [markdown] key="02-e-analytics-window"
# ## E-analytics-window: где хранится история
#
# В заключении статья о том, как посчитать LTV, настаивает на хранении истории каждого клиента и
# называет три места: Google Analytics, который, по словам статьи, узнаёт пользователя по
# идентификатору 540 дней и хранит cookie браузера 2 года; CRM; и внешнюю базу данных, например
# BigQuery.

# %%
window = example("E-analytics-window").figures
print(tr("web analytics: a user id for {days} days ({years} years), a cookie for {cookie} years",
         days=format_number(window["user_id_days"]), years=format_number(window["user_id_days"] / 365.25, 2),
         cookie=format_number(window["cookie_years"])))

# %% [markdown] key="02-a-critical-look-an"
# ### Критический взгляд: окно аналитики обрезает историю
#
# Исторический LTV не длиннее истории, на которой он построен. Система, которая забывает
# пользователя через 540 дней, не может хранить больше 540 дней его покупок, поэтому для всех, кто
# покупает дольше, она записывает меньше, чем они заплатили. Возьмём клиента из E-three-orders —
# 3 заказа по 600 $ в год — и пусть он покупает четыре года:

# %%
years_buying = 4
seen_years = min(years_buying, window["user_id_days"] / 365.25)
true_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=years_buying)
seen_value = frequency_ltv(three.inputs["average_order_value"], three.inputs["orders"], lifetime_periods=seen_years)
print(tr("paid over {years} years: {paid}; inside the {days}-day window: {seen} ({share})", years=years_buying,
         paid=format_money(true_value, three.currency), days=format_number(window["user_id_days"]),
         seen=format_money(seen_value, three.currency, decimals=0), share=format_share(seen_value / true_value, 0)))

# %% [markdown] key="02-it-gets-worse-in"
# Хуже того, в двух отношениях. Ограничение сильнее всего бьёт по **лучшим** клиентам, тем, кто
# остаётся дольше всех, поэтому рейтинг клиентов и каналов по LTV в такой системе смещён в пользу
# недолговечных. А cookie теряется, когда клиент меняет устройство или браузер либо очищает её:
# один клиент превращается в двух «пользователей», у каждого часть истории. Число клиентов растёт,
# а LTV на клиента падает, хотя в бизнесе ничего не изменилось. Стройте исторический LTV на
# идентификаторе клиента, который не истекает: из CRM или из журнала заказов (ноутбук 09 читает
# такой журнал).
#
# **ex-02-6.** Почему исторический LTV, измеренный в системе веб-аналитики, сильнее всего занижает
# самых лояльных клиентов?

# %%
print(options("ex-02-6"))
answer = None  # буква, например "a"
check("ex-02-6", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "a"  # окно забывает всё, что было до него, а у лояльных клиентов до него больше всего покупок
check("ex-02-6", answer)

# %% [markdown] key="02-e-full-formula"
# ## E-full-formula: покупки за вычетом всех затрат
#
# Самая точная историческая формула статьи вычитает всё, во что обошёлся клиент: из суммы покупок
# вычитаются затраты на привлечение и удержание клиента и себестоимость проданных ему товаров
# (сложенная по каждому товару). Чисел статья не даёт, поэтому практикум строит пример на основе
# E-courses: курс обходится продавцу в половину своей цены (именно это означает доля прибыли 50 %),
# так что себестоимость расписана покупка за покупкой.

# %%
full = example("E-full-formula")
unit_costs = [(1 - margin) * price for price in full.inputs["purchases"]]
print(tr("cost of each course sold: {costs}", costs=", ".join(format_money(c, "RUB") for c in unit_costs)))
assert agrees(sum(unit_costs), full.inputs["cost_of_goods"])

full_ltv = historical_ltv(
    full.inputs["purchases"],
    cost_of_goods=full.inputs["cost_of_goods"],
    acquisition_cost=full.inputs["acquisition_cost"],
    retention_cost=full.inputs["retention_cost"],
)
print(tr("LTV = purchases - cost of goods - acquisition - retention = {ltv}", ltv=format_money(full_ltv, "RUB")))
assert agrees(full_ltv, full.derived["ltv"])
assert agrees(full_ltv, courses.figures["ltv_net_of_acquisition"])

# %%
waterfall_chart(
    [(tr("purchase {n}", n=n), amount) for n, amount in enumerate(full.inputs["purchases"], start=1)]
    + [(tr("cost of goods"), -full.inputs["cost_of_goods"]), ("CAC", -full.inputs["acquisition_cost"]),
       (tr("retention"), -full.inputs["retention_cost"])],
    currency="RUB",
    title=tr("E-full-formula: every cost written out"),
)

# %% [markdown] key="02-it-is-the-same"
# Это те же 8 000 ₽, что и в E-courses, только полученные другим путём. Маржа и себестоимость —
# два способа сказать одно и то же: маржа 50 % *означает*, что половина выручки ушла на товары.
# В реальной жизни полная формула точнее, потому что у каждого товара может быть своя
# себестоимость, а маржа — одно среднее на всё.
#
# Используйте что-то одно, но не оба сразу. Если умножить на маржу *и* вычесть себестоимость,
# стоимость товаров вычитается дважды и ценность клиента сильно занижается. `historical_ltv`
# отказывается принимать такое сочетание, вместо того чтобы вернуть неверное число:

# %%
try:
    historical_ltv(full.inputs["purchases"], margin=margin, cost_of_goods=full.inputs["cost_of_goods"],
                   acquisition_cost=full.inputs["acquisition_cost"])
except LTVInputError as error:
    print(f"LTVInputError: {error}")

# %% [markdown] key="02-try-it"
# ## Попробуйте сами
#
# Три покупки, валовая маржа и CAC. В подписи — выручка, валовой LTV, LTV за вычетом CAC и
# валовое соотношение LTV:CAC; каскадная диаграмма перерисовывается. Ползунок маржи специально
# доходит до 1,5: выше 1 калькулятор показывает сообщение об ошибке вместо числа, потому что ни один
# бизнес не оставляет себе больше всей своей выручки. Следующая ячейка печатает результат при
# значениях E-courses.

# %%
calculator = historical_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="02-exercises"
# ## Упражнения
#
# Запишите своё число вместо `None` и выполните ячейку; `check` ответит «верно» или даст подсказку.
# Решения свёрнуты под каждым упражнением (чтобы открыть, нажмите ⋯). ex-02-1 — выше, в разделе
# E-historical-margin.
#
# **ex-02-2.** Продавец курсов из E-courses теперь тратит 2 500 ₽ на рекламу, чтобы привлечь того же
# клиента, и 700 ₽ на письма-напоминания, чтобы тот продолжал покупать. Покупки и маржа 50 %
# остаются прежними. Каков LTV клиента за вычетом обеих затрат, в рублях?

# %%
answer = None
check("ex-02-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = historical_ltv(purchases, margin=margin, acquisition_cost=2_500, retention_cost=700)  # затраты из условия упражнения
check("ex-02-2", answer)

# %% [markdown] key="02-ex-02-3"
# **ex-02-3.** Инвестор берёт значение, которое статья называет LTV, и делит его на CAC из
# E-courses. Какое соотношение LTV:CAC он сообщит (число, например 3.5 для 3,5:1)? Сравните его с
# валовым соотношением выше: какое из них отвечает на вопрос «во сколько раз клиент окупает
# затраты на своё привлечение»?

# %%
answer = None
check("ex-02-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = ltv_to_cac(ltv=courses.figures["ltv_net_of_acquisition"], cac=cac)
check("ex-02-3", answer)
# Из чистого значения CAC уже вычтен; если снова разделить его на CAC, соотношение
# занижается. С эмпирическими правилами вроде 3:1 сравнивают валовое соотношение (9,0:1).

# %% [markdown] key="02-ex-02-4"
# **ex-02-4.** Клиента из E-check-times-orders (17 заказов, средний чек 1 500 ₽) обслуживают с
# той валовой маржой, которую вы нашли в ex-02-1. Сколько валовой прибыли он принёс, в рублях?

# %%
answer = None
check("ex-02-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = frequency_ltv(
    check_orders.inputs["average_order_value"], check_orders.inputs["orders"], lifetime_periods=1,
    margin=implied_margin,
)
check("ex-02-4", answer)

# %% [markdown] key="02-ex-02-5"
# **ex-02-5.** Коллега применяет к E-courses полную формулу, но сначала ещё и умножает выручку
# на маржу 50 %: валовая прибыль − себестоимость − CAC. Какое число у него получится, в рублях?
# (`historical_ltv` намеренно отказывается так считать, поэтому посчитайте по числам вручную.)

# %%
answer = None
check("ex-02-5", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = historical_ltv(purchases, margin=margin) - full.inputs["cost_of_goods"] - full.inputs["acquisition_cost"]
check("ex-02-5", answer)
# Клиент выглядит убыточным, хотя принёс 8 000 ₽: себестоимость товаров
# вычли дважды.

# %% [markdown] key="02-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | исторический LTV = сумма покупок клиента | `historical_ltv(purchases)` | E-historical-sum: 11 200 ₽ |
# | валовой LTV = сумма покупок × валовая маржа | `historical_ltv(purchases, margin=m)` | E-historical-margin: 4 480 ₽ (m = 0,40) |
# | чистый LTV = валовой LTV − CAC − расходы на удержание | `historical_ltv(purchases, margin=m, acquisition_cost=..., retention_cost=...)` | E-courses: 18 000 → 9 000 → 8 000 ₽ |
# | LTV:CAC = валовой LTV / CAC | `ltv_to_cac(ltv, cac)` | E-courses: 9,0:1 |
# | средний чек × число заказов | `frequency_ltv(aov, orders, lifetime_periods=1)` | E-check-times-orders: 25 500 ₽; E-three-orders: 1 800 $ |
# | полная: покупки − себестоимость − привлечение − удержание | `historical_ltv(purchases, cost_of_goods=..., acquisition_cost=..., retention_cost=...)` | E-full-formula: 8 000 ₽ |
#
# | чек-лист значения LTV: валюта, период, выручка / валовая / маржинальная прибыль, до или после CAC, ставка дисконтирования, горизонт, возраст когорты, среднее или медиана | `ltv_checklist(value, currency=..., period=..., ...)` | 8 000 ₽ из статьи: 5 подписей указаны, 3 не хватает |
# | история не длиннее окна, в котором она хранится | `frequency_ltv(aov, orders, min(years, window))` | E-analytics-window: 4 года по 1 800 $, из них 37 % внутри 540 дней |
#
# Говорите, какой LTV имеете в виду (по выручке, валовой или за вычетом CAC), называйте маржу и
# вычитайте себестоимость один раз: через маржу или как затраты, но не обоими способами. Храните
# историю на идентификаторе, который не истекает, и называйте каждый LTV с его восемью подписями.
# Дальше: ноутбук 03 добавляет частоту покупок и срок жизни, чтобы прогнозировать LTV.
