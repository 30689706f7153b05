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

# %% [markdown] key="05-title"
# # 05 · Прогнозный LTV: сколько принесёт клиентская база
#
# После этого ноутбука вы сможете спрогнозировать валовую прибыль, которую принесут новый клиент и
# вся база клиентов, объяснить, чем такой прогноз отличается от исторического LTV, выразить его в
# сегодняшних деньгах и оценить тактику, которая удерживает клиентов дольше.
#
# **Вы узнаете**
# - чем исторический LTV (факт) отличается от прогнозного LTV (прогноза);
# - прогнозный LTV = заказов в месяц × средний чек × валовая маржа × месяцы, на одного пользователя
#   и на всю базу пользователей;
# - как исторический LTV пользователя растёт к прогнозу и почему оставшийся пользователь — не
#   средний новый пользователь;
# - что такое стоимость денег во времени: почему рубль через год стоит меньше рубля сегодня и как
#   ставка дисконтирования превращает LTV в его сегодняшнюю стоимость;
# - как оценить предложение для удержания: сколько стоит удержанный клиент, кого вообще можно
#   удержать и сколько может стоить менеджер, который ведёт клиентов, прежде чем предложение станет
#   убыточным.
#
# **Что нужно знать**: ноутбуки 02 (исторический LTV), 03 (формула с частотой покупок) и 04 (срок жизни и отток).

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
    historical_ltv,
    tr,
    tr_n,
)
from ltvkit.breakdowns import discounted_breakdown
from ltvkit.calculators import discounting_calculator, predictive_calculator, retention_offer_calculator
from ltvkit.course.exercises import options
from ltvkit.formulas import period_discount_rate
from ltvkit.money import format_rows
from ltvkit.plots import cumulative_value_chart, discounting_chart, waterfall_chart
from ltvkit.retention_offer import retention_offer_cap, retention_offer_whatif, saved_customer_value

# %% [markdown] key="05-historical-and-predictive-ltv"
# ## Исторический и прогнозный LTV
#
# Статья «Как посчитать LTV и использовать эту метрику для повышения эффективности бизнеса» называет
# два способа получить LTV:
#
# - **исторический**: сложить то, что клиент уже фактически заплатил (ноутбук 02). Для этого нужна
#   история покупок каждого клиента, поэтому способ подходит компаниям, которые годами ведут статистику;
# - **прогнозный**: предсказать по средним, сколько клиент заплатит, — для бизнеса, слишком молодого,
#   чтобы у него была длинная история, или для клиентов, которые только что пришли.
#
# Они отвечают на разные вопросы. Исторический LTV — факт о прошлом: он растёт с каждой покупкой и
# становится окончательным, только когда клиент ушёл. Прогнозный LTV — прогноз для типичного нового
# клиента, и он хорош ровно настолько, насколько хороши средние, на которых построен; эти средние
# стоит сверять с историей по мере того, как клиенты «стареют».

# %% [markdown] key="05-e-online-service"
# ## E-online-service: 700 пользователей платят по 500 ₽ в месяц
#
# Прогнозная формула статьи перемножает четыре средних: заказов в месяц × средний чек дают выручку
# в месяц, × валовая маржа (в статье — СВП) дают валовую прибыль в месяц, а × среднее число месяцев,
# которое клиент остаётся, дают LTV. Это формула с частотой покупок из ноутбука 03, дополненная маржой.
# Пример: онлайн-сервис с 700 пользователями на тарифе 500 ₽, который оплачивают раз в месяц, средний
# срок 18 месяцев (полтора года) и валовая маржа 0,7. Ответ статьи — 6 300 ₽ на пользователя.

# %%
service = example("E-online-service")
inputs = service.inputs
margin_per_month = frequency_ltv(inputs["monthly_payment"], inputs["payments_per_month"], 1, margin=inputs["margin"])
per_user = frequency_ltv(
    average_order_value=inputs["monthly_payment"],
    purchases_per_period=inputs["payments_per_month"],
    lifetime_periods=inputs["lifetime_months"],
    margin=inputs["margin"],
)
all_users = inputs["users"] * per_user
print(tr("Gross profit per user per month: {amount}", amount=format_money(margin_per_month, service.currency)))
print(tr_n("Predictive LTV: {per_user} per user; {all_users} for the {users} user",
           "Predictive LTV: {per_user} per user; {all_users} for the {users} users", inputs["users"],
           per_user=format_money(per_user, service.currency), all_users=format_money(all_users, service.currency),
           users=format_number(inputs["users"])))
assert agrees(per_user, service.figures["ltv_per_user"])
assert agrees(all_users, service.figures["ltv_all_users"])

# %% [markdown] key="05-two-labels-belong-on"
# К этим числам нужны две подписи. Это **валовая прибыль**, а не выручка: 700 пользователей
# заплатили бы 500 × 18 × 700 = 6 300 000 ₽, из которых остаётся 70%. И они охватывают **весь срок
# жизни** пользователей, около полутора лет, а не один год в отчётности сервиса.
#
# График показывает, как ценность одного среднего пользователя складывается месяц за месяцем: каждый
# столбец добавляет 350 ₽, а восемнадцатый столбец — это прогноз.

# %%
cumulative_value_chart(margin_per_month, inputs["lifetime_months"], currency="RUB", period="month")

# %% [markdown] key="05-historical-against-predictive-month"
# ### Исторический против прогнозного, месяц за месяцем
#
# Каждый столбец этого графика — ещё и *исторический* LTV: сколько уже принёс пользователь, который
# заплатил столько месяцев. После шести платежей история говорит о 2 100 ₽ валовой прибыли — трети
# прогноза.

# %%
six_payments = [inputs["monthly_payment"]] * 6
so_far = historical_ltv(six_payments, margin=inputs["margin"])
print(tr("Historical LTV after 6 months: {amount} ({share} of the {forecast} forecast for a new user)",
         amount=format_money(so_far, "RUB"), share=format_share(so_far / per_user, 0),
         forecast=format_money(per_user, "RUB")))

# %% [markdown] key="05-it-is-tempting-to"
# Хочется сказать, что этому пользователю осталось принести 6 300 − 2 100 = 4 200 ₽. Это было бы
# верно, только если бы каждый пользователь оставался ровно 18 месяцев. Если же 18 месяцев — среднее
# при постоянном оттоке 1/18 в месяц (ноутбук 04), то от пользователя, который всё ещё платит через
# шесть месяцев, ждут ещё 18 месяцев, а не 12: при постоянном оттоке оставшиеся пользователи с той же
# вероятностью останутся и в следующем месяце, что и новый пользователь, а ушедшие рано уже не входят
# в группу. Прогноз для *нового* пользователя — не прогноз для пользователя, который доказал, что
# остаётся. Ноутбук 13 показывает, что меняется, когда клиенты различаются.

# %% [markdown] key="05-ex-05-4"
# **ex-05-4.** Почему от пользователя, который всё ещё платит через шесть месяцев, ждут ещё
# 18 месяцев, а не 18 − 6 = 12?

# %%
print(options("ex-05-4"))
answer = None  # буква, например "a"
check("ex-05-4", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = "b"  # у постоянного оттока нет памяти: шанс оставшегося уйти такой же, как у нового пользователя
check("ex-05-4", answer)

# %% [markdown] key="05-money-later-is-worth"
# ## Деньги завтра стоят меньше: дисконтирование
#
# Все прогнозы до сих пор складывали рубли, заплаченные в 1-м месяце, и рубли, заплаченные в 18-м,
# как одни и те же деньги. Это не так: рубль сегодня можно вложить или потратить на привлечение
# следующего клиента, а рубль, который придёт только через год, съедает инфляция. **Ставка
# дисконтирования** d говорит, насколько он дешевле: рубль, который придёт через один период, стоит
# 1 / (1 + d) сегодняшнего рубля, а через t периодов — 1 / (1 + d)^t. Ценность клиента *в сегодняшних
# деньгах* — это сумма ожидаемой маржи каждого периода, делённой на (1 + d)^t.
#
# Ставку выбирает бизнес, в статьях её нет: сколько его деньги могли бы заработать в другом месте или
# сколько он платит за заём. Во всём курсе мы берём 10% в год. Годовая ставка превращается в месячную
# через сложный процент, а не делением на 12: (1 + d_месяц)^12 = 1,10.

# %%
annual_rate = 0.10  # наше допущение для курса, не из статей
monthly_rate = period_discount_rate(annual_rate, periods_per_year=12)
print(tr("{annual} a year is {monthly} a month; a rouble paid in 12 months is worth {value} today",
         annual=format_share(annual_rate, 0), monthly=format_share(monthly_rate, 3),
         value=format_number(1 / (1 + monthly_rate) ** 12, 3)))

# %% [markdown] key="05-e-manufacturing"
# ### E-manufacturing в сегодняшних деньгах
#
# Производитель из ноутбука 01 считает 1 000 000 ₽ в год в течение 7 лет как LTV в 7 000 000 ₽.
# Каждый клиент там остаётся все 7 лет, поэтому срок жизни читается как **фиксированный**; платёж
# первого года учитывается в начале, без дисконтирования.

# %%
manufacturing = example("E-manufacturing")
factory = discounted_breakdown(manufacturing.inputs["arpu_per_year"], lifetime_periods=manufacturing.inputs[
    "lifetime_years"], annual_discount_rate=annual_rate, periods_per_year=1, lifetime_reading="fixed")
print(factory.describe())
assert agrees(factory.undiscounted, manufacturing.figures["ltv"])
assert agrees(factory.discounted / 1e6, manufacturing.derived["present_value_millions_at_10_percent"])

# %% [markdown] key="05-e-online-service-2"
# Около 5,36 миллиона, а не 7: миллион седьмого года сегодня стоит лишь 1 / 1,1^6 ≈ 0,56 миллиона.
# И это выручка; ценность клиента для производителя — его маржа с этой выручки, а она ещё меньше.
#
# ### E-online-service в сегодняшних деньгах
#
# Пользователи онлайн-сервиса остаются в среднем 18 месяцев. Если читать это как постоянный отток
# 1/18 в месяц (ноутбук 04), то некоторые пользователи остаются на годы, и именно их поздние платежи
# дисконтирование уменьшает сильнее всего. При удержании r = 1 − отток период t стоит маржа × r^t /
# (1 + d)^t, а у суммы есть замкнутая формула: `discounted_ltv(margin, r, d)` = маржа / (1 − r /
# (1 + d)):

# %%
service_value = discounted_breakdown(margin_per_month, lifetime_periods=inputs["lifetime_months"],
                                     annual_discount_rate=annual_rate)
print(service_value.describe())
closed_form = discounted_ltv(margin_per_month, retention_rate=1 - 1 / inputs["lifetime_months"],
                             discount_rate=monthly_rate)  # маржа / (1 - удержание / (1 + d))
assert abs(closed_form - service_value.discounted) < 1e-6
assert agrees(service_value.undiscounted, service.figures["ltv_per_user"])
assert agrees(service_value.discounted, service.derived["ltv_per_user_at_10_percent_a_year"])

# %%
discounting_chart(service_value, currency="RUB", period="month")

# %% [markdown] key="05-the-gap-between-the"
# Разрыв между двумя линиями — это цена ожидания. За полтора года при 10% в год он невелик; он растёт
# со сроком жизни и со ставкой, и поэтому ноутбуки 13, 14 и 16 всегда указывают ставку дисконтирования
# рядом с LTV. Числу, про которое не сказано, дисконтировано ли оно и по какой ставке, не хватает одной
# из подписей.

# %% [markdown] key="05-e-retention-offer"
# ## E-retention-offer: сколько стоит один лишний месяц?
#
# Среди способов повысить LTV та же статья предлагает подстраивать работу по удержанию под каждый
# сегмент LTV. Её рецепт: если клиенты обычно остаются на 6 месяцев, сделайте предложение на 7 или
# закрепите за ними отдельного менеджера на последние два месяца обычного цикла. Чисел статья не
# приводит. Мы оцениваем тактику по месячной марже E-online-service (350 ₽) и его 700 пользователям;
# пользователи этого сервиса остаются 18 месяцев, так что это расчёт «что если» на заимствованных
# числах, а не факт об этом сервисе.
#
# Если предложение удерживает каждого пользователя на месяц дольше, каждый приносит ещё один месяц
# валовой прибыли, а когорта — в 700 раз больше:

# %%
offer_example = example("E-retention-offer")
tactic = offer_example.inputs
offer = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
)
print(tr_n("Extra months per user: {months}; worth {per_user} per user and {cohort} for the {users} user",
           "Extra months per user: {months}; worth {per_user} per user and {cohort} for the {users} users",
           inputs["users"], months=format_number(offer.extra_months),
           per_user=format_money(offer.value_per_kept_customer, "RUB"), cohort=format_money(offer.value_for_cohort, "RUB"),
           users=format_number(inputs["users"])))
assert agrees(offer.extra_months, offer_example.derived["extra_months_per_customer"])
assert agrees(offer.value_per_kept_customer, offer_example.derived["value_per_kept_customer"])
assert agrees(offer.value_for_cohort, offer_example.derived["value_for_cohort"])

# %% [markdown] key="05-that-is-the-most"
# Это максимум, который может дать тактика, и он держится на двух оптимистичных допущениях: что
# само предложение ничего не стоит (хорошее предложение обычно означает скидку) и что каждый
# пользователь остаётся на лишний месяц именно из-за него. На деле удерживается лишь часть тех, кто
# ушёл бы; `share_kept` говорит, какая. И менеджер стоит денег: `manager_cost_per_month` за
# `manager_months` месяцев его работы. Допустим, менеджер стоит 60 000 ₽ в месяц (наше допущение;
# подставьте своё). Расчёт «что если» показывает, как итог меняется с долей удержанных пользователей:

# %%
manager_cost_per_month = 60_000  # допущение для расчёта «что если», не из статьи
rows = []
for share in (0.25, 0.5, 0.75, 1.0):
    what_if = retention_offer_whatif(
        margin_per_month,
        customers=inputs["users"],
        usual_months=tactic["expected_cycle_months"],
        offer_months=tactic["offer_months"],
        share_kept=share,
        manager_months=tactic["manager_last_months"],
        manager_cost_per_month=manager_cost_per_month,
    )
    rows.append((format_share(share, 0), what_if.value_for_cohort, what_if.manager_cost, what_if.net_for_cohort))
print(format_rows(rows, header=(tr("kept"), tr("extra margin"), tr("manager"), tr("net"))))
print(tr("The offer with a manager pays off only if at least {share} of the users stay the extra month",
         share=format_share(what_if.break_even_share_kept)))

# %% [markdown] key="05-with-every-user-kept"
# Если удержаны все пользователи, два месяца работы менеджера (120 000 ₽) забирают половину
# дополнительных 245 000 ₽:

# %%
waterfall_chart(
    [(tr("extra month, all kept"), what_if.value_for_cohort), (tr("manager, 2 months"), -what_if.manager_cost)],
    currency="RUB",
    title=tr_n("The retention offer for {users} user", "The retention offer for {users} users", inputs["users"],
               users=format_number(inputs["users"])),
)

# %% [markdown] key="05-a-critical-look-a"
# ### Критический взгляд: удержанный клиент стоит больше одного месяца
#
# Расчёт «что если» читает статью буквально: каждый пользователь уходит в конце 6-го месяца,
# предложение сдвигает эту дату на месяц, и удержанный пользователь стоит один месяц валовой
# прибыли, 350 ₽. Но этот ноутбук читал 18 месяцев как постоянный отток 1/18 в месяц, и при таком
# прочтении меняются две вещи.
#
# **Сколько стоит удержать пользователя.** При постоянном оттоке шанс уйти в следующем месяце не
# зависит от того, сколько пользователь уже пробыл (довод из ex-05-4). Пользователь, которого
# предложение удержало от ухода после 6-го месяца, дальше ничем не отличается от других оставшихся:
# от него ждут 1 / отток = ещё 18 месяцев платежей, а не один. Поэтому удержать его — это весь LTV
# нового пользователя: 6 300 ₽ без дисконтирования или 5 553 ₽ с дисконтированием по 10% в год к
# месяцу предложения. В ноутбуке 13 та же величина встречается как DERL — дисконтированные платежи,
# которых ещё ждут от клиента накануне продления: при постоянном оттоке DERL учитывает само продление
# с его вероятностью 1 − отток, а для клиента, который благодаря предложению точно продлит, это
# DERL / (1 − отток), то есть число здесь.

# %%
churn = 1 / inputs["lifetime_months"]  # 18 месяцев, прочитанные как постоянный отток
kept_value = saved_customer_value(margin_per_month, churn_rate=churn)
kept_today = saved_customer_value(margin_per_month, churn_rate=churn, discount_rate=monthly_rate)
print(tr("A user kept after month {month} is worth {value} ({today} discounted to the month of the offer at {rate} "
         "a year), not {literal}", month=tactic["expected_cycle_months"], value=format_money(kept_value, "RUB", decimals=0),
         today=format_money(kept_today, "RUB", decimals=0), rate=format_share(annual_rate, 0),
         literal=format_money(offer.value_per_kept_customer, "RUB")))
assert agrees(kept_value, offer_example.derived["constant_churn_value_per_kept_leaver"])
assert agrees(kept_today, service.derived["ltv_per_user_at_10_percent_a_year"])  # LTV нового пользователя в сегодняшних деньгах

# %% [markdown] key="05-who-can-be-kept"
# **Кого вообще можно удержать.** Не все 700 пользователей доживают до 6-го месяца: при оттоке 1/18
# к этому времени платят ещё примерно трое из четырёх. А из них удержать можно только тех, кто
# собирался уйти, — одного из 18; остальные останутся и так, и предложение для них ничего не меняет
# (но стоит той скидки, которую даёт). `retention_offer_cap` учитывает и то и другое:

# %%
cap = retention_offer_cap(margin_per_month, customers=inputs["users"], churn_rate=churn,
                          decision_period=tactic["expected_cycle_months"])
print(cap.describe())
manager_cost = tactic["manager_last_months"] * manager_cost_per_month
print(tr("The manager's {cost} pays off only if the offer keeps at least {share} of those about to leave",
         cost=format_money(manager_cost, "RUB"), share=format_share(manager_cost / cap.most_for_cohort)))
assert agrees(cap.customers_paying, offer_example.derived["paying_in_month_6"])
assert agrees(cap.would_leave, offer_example.derived["would_leave_after_month_6"])
assert agrees(cap.most_for_cohort, offer_example.derived["constant_churn_cap_for_cohort"])

# %% [markdown] key="05-so-the-two-readings"
# Итак, два прочтения расходятся в обоих множителях: буквальное считает всех 700 пользователей, каждого
# по одному месяцу; прочтение с постоянным оттоком считает около 29 пользователей, каждого по целому
# сроку жизни. Итоги по когорте случайно оказываются одного порядка (245 000 и 184 098 ₽) — по
# противоположным причинам. Какое прочтение верно — факт о ваших клиентах, и его можно измерить:
# остаётся ли доля уходящих каждый месяц одинаковой с ростом стажа (постоянный отток) или большинство
# уходит в определённый момент, например в конце предоплаченного тарифа? Ноутбук 13 показывает третий
# случай: остаются самые лояльные клиенты, и каждый удержанный стоит ещё больше.
#
# Правило, которое стоит вынести: **предложение стоит не больше, чем оставшаяся ценность тех клиентов,
# которых оно удерживает и которые иначе ушли бы**: маржа × добавленные месяцы, когда клиенты уходят
# в определённый срок, и LTV нового клиента при постоянном оттоке. На каждого удержанного клиента оно
# должно стоить меньше этого. Кого оно удерживает, измеряйте сравнением с группой, которая предложения
# не получила; без такого сравнения клиенты, которые остались бы и так, выглядят как успех.

# %% [markdown] key="05-try-it"
# ## Попробуйте сами
#
# Первый калькулятор прогнозирует LTV по числу заказов в месяц, среднему чеку, валовой марже, числу
# месяцев, которые платит пользователь, и числу пользователей (для начала — числа E-online-service);
# график строит ценность месяц за месяцем. Маржа больше 1 отклоняется с сообщением. Следующая ячейка
# печатает результат при начальных значениях.

# %%
calculator = predictive_calculator()
calculator

# %%
print(calculator.result_text)

# %% [markdown] key="05-the-second-calculator-discounts"
# Второй калькулятор дисконтирует маржу клиента: валовую прибыль за месяц, число месяцев, которое
# клиент остаётся (как среднее при постоянном оттоке или как одинаковое для всех), и годовую ставку
# дисконтирования. Он начинает с E-online-service при 10% в год; срок жизни 0 месяцев отклоняется.
# График показывает, как копится ценность — по мере оплаты и в сегодняшних деньгах.

# %%
value_calculator = discounting_calculator()
value_calculator

# %%
print(value_calculator.result_text)

# %% [markdown] key="05-the-third-calculator-is"
# Третий калькулятор — расчёт «что если» для удержания тех же 700 пользователей в буквальном
# прочтении статьи: длина предложения (обычный цикл — 6 месяцев; предложение короче отклоняется),
# доля пользователей, которых оно удерживает, и месячная стоимость менеджера.

# %%
offer_calculator = retention_offer_calculator()
offer_calculator

# %%
print(offer_calculator.result_text)

# %% [markdown] key="05-exercises"
# ## Упражнения
#
# Впишите своё число вместо `None` и запустите ячейку: `check` скажет, верно ли оно, или даст
# подсказку. Решения свёрнуты под каждым упражнением.
#
# **ex-05-1.** Онлайн-сервис улучшает продукт, и теперь пользователи платят в среднем 24 месяца.
# Каков прогнозный LTV всех 700 пользователей в рублях валовой прибыли?

# %%
answer = None
check("ex-05-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
per_user_24 = frequency_ltv(inputs["monthly_payment"], inputs["payments_per_month"], 24, margin=inputs["margin"])
answer = inputs["users"] * per_user_24
check("ex-05-1", answer)

# %% [markdown] key="05-ex-05-2"
# **ex-05-2.** Предложение на 7 месяцев удерживает 40% из 700 пользователей на лишний месяц, а
# менеджер работает с ними 2 месяца. До какой месячной стоимости менеджера, в рублях, тактика хотя
# бы выходит в ноль?

# %%
answer = None
check("ex-05-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
some_kept = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
    share_kept=0.4,
)
answer = some_kept.value_for_cohort / tactic["manager_last_months"]  # сколько самое большее может стоить менеджер в месяц
check("ex-05-2", answer)

# %% [markdown] key="05-ex-05-3"
# **ex-05-3.** Более опытный менеджер стоит 90 000 ₽ в месяц в течение 2 месяцев. Какую долю из 700
# пользователей предложение должно удержать на один лишний месяц, чтобы окупить менеджера? Ответ
# дайте долей (0.25 — это четверть).

# %%
answer = None
check("ex-05-3", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = retention_offer_whatif(
    margin_per_month,
    customers=inputs["users"],
    usual_months=tactic["expected_cycle_months"],
    offer_months=tactic["offer_months"],
    manager_months=tactic["manager_last_months"],
    manager_cost_per_month=90_000,
).break_even_share_kept
check("ex-05-3", answer)

# %% [markdown] key="05-summary"
# ## Итоги
#
# | формула | ltvkit | пример |
# |---|---|---|
# | исторический LTV = сколько клиент уже заплатил (× маржа) | `historical_ltv(purchases, margin=...)` | 6 месяцев по 500 ₽ при 0,7: 2 100 ₽ |
# | прогнозный LTV = заказов в месяц × чек × маржа × месяцы | `frequency_ltv(check, orders_per_month, months, margin)` | E-online-service: 6 300 ₽ на пользователя |
# | LTV базы = пользователи × LTV одного пользователя | — | 700 пользователей: 4 410 000 ₽ |
# | ставка дисконтирования в месяц = (1 + годовая ставка)^(1/12) − 1 | `period_discount_rate(annual_rate, periods_per_year=12)` | 10% в год: 0,797% в месяц |
# | LTV в сегодняшних деньгах = Σ маржа × S(t) / (1 + d)^t | `discounted_breakdown(margin, lifetime_periods=..., annual_discount_rate=..., lifetime_reading=...)`, `discounted_ltv` | E-manufacturing: 5,36 млн, а не 7 млн; E-online-service: 5 553 ₽, а не 6 300 |
# | ценность лишнего месяца при фиксированной дате ухода = маржа в месяц × удержанные клиенты − затраты на удержание | `retention_offer_whatif(margin_per_month, customers=..., usual_months=..., offer_months=..., share_kept=..., manager_months=..., manager_cost_per_month=...)` | E-retention-offer: 350 ₽ на пользователя, 245 000 ₽ на 700 |
# | доля удержанных для безубыточности = затраты на удержание / ценность, если удержаны все | `retention_offer_whatif(...).break_even_share_kept` | менеджер за 60 000 ₽ в месяц: 49% |
# | удержанный уходящий клиент при постоянном оттоке = маржа / (1 − (1 − отток) / (1 + d)), LTV нового клиента | `saved_customer_value(margin, churn_rate=..., discount_rate=...)` | 6 300 ₽ (5 553 ₽ сегодня) |
# | максимум, который может дать предложение в месяце k = платящие в месяце k × отток × ценность одного удержанного | `retention_offer_cap(margin, customers=..., churn_rate=..., decision_period=...)` | 526 платят, 29 собираются уйти: 184 098 ₽ |
#
# Прогноз — это набор средних; сверяйте каждое с историей по мере того, как клиенты «стареют», и
# выражайте прогноз в сегодняшних деньгах, указывая ставку дисконтирования.
# Дальше: ноутбук 06 сопоставляет LTV со стоимостью привлечения клиента.
