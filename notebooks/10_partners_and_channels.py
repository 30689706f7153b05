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

# %% [markdown]
# # 10 · Partners and channels: LTV, CAC and what a commission design does
#
# After this notebook you can split LTV and acquisition cost by channel and partner, judge each
# partner by the customers it brings rather than by their number, and price a commission on repeat
# sales before you offer one.
#
# **You will learn**
# - to attribute each customer to the channel and partner of their first purchase;
# - LTV, CAC and LTV:CAC per source, and which sources bring customers who buy again;
# - why a high LTV:CAC and a high net LTV per customer are different rankings;
# - what paying partners on repeat sales costs and what it leaves the school per customer.
#
# **You need**: notebook 09 (the school's export and `customer_summary`), notebooks 02 and 06 (gross
# LTV, LTV net of CAC, the LTV:CAC ratio).

# %%
from ltvkit import check, format_money, format_ratio, format_share
from ltvkit.calculators import commission_calculator
from ltvkit.orders import partner_base, partner_economics, read_orders, read_partner_costs
from ltvkit.plots import grouped_bar_chart

# %% [markdown]
# ## Two articles, one question
#
# “Увеличение LTV партнеров: проверенные стратегии” (Raising partners' LTV: proven strategies)
# tells the advertiser to find out which partners bring the customers worth most, to keep LTV at two
# times CAC or more, and to think about rewarding partners for a customer's repeat purchases too.
# “联盟营销中客户终身价值的衡量与提升” (Measuring and raising CLTV in affiliate marketing) argues from the
# advertiser's side as well: put the affiliate budget where the high-CLTV customers come from, and
# for a sharper CLTV take the cost of goods and of acquisition into account. Neither article shows
# the numbers. The school's data let us compute them.
#
# We read the export as in notebook 09 and the marketing team's cost sheet: what each channel cost
# over the two years (ad budgets, content, partners' fixed fees) and the commission each partner
# gets today (a share of the first sale only).

# %%
orders = read_orders("../data/school_orders.csv", customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.",
                     partner="Партнёр", channel="Канал", extra={"Номер заказа": "order"}, on_bad_rows="skip")
costs = read_partner_costs("../data/school_partners.csv")
print(f"{len(orders):,} order rows; {orders['customer'].nunique():,} customers")
costs

# %% [markdown]
# ## LTV, CAC and LTV:CAC per source
#
# Each customer belongs to the source of their first purchase. For each source:
# CAC = (fixed spend + first-sale commissions) / customers; gross LTV = revenue per customer ×
# margin (60%, as in notebook 09); LTV:CAC = gross LTV / CAC; net LTV = gross LTV − CAC − any
# commission on repeat sales. A refund counts against the sale it reverses, so a refunded first
# sale earns the partner nothing.

# %%
margin = 0.6
base = partner_base(orders, costs)
today = partner_economics(base, margin=margin)
table = today[["kind", "customers", "repeat_buyers", "gross_ltv", "cac", "ltv_to_cac", "net_ltv"]].copy()
table.index = [partner or channel for channel, partner in table.index]
table.round({"repeat_buyers": 3, "gross_ltv": 0, "cac": 0, "ltv_to_cac": 2, "net_ltv": 0}).rename(columns={
    "repeat_buyers": "bought again (share)", "gross_ltv": "gross LTV, RUB", "cac": "CAC, RUB",
    "ltv_to_cac": "LTV:CAC", "net_ltv": "net LTV, RUB"})

# %% [markdown]
# Money in the table is per customer of the source, in RUB, over the two years of data; LTV:CAC is
# gross LTV over CAC, "4.74" meaning 4.74:1. The revenue of every source adds up to the school's
# revenue, so no sale is lost in attribution.

# %%
attributed = (base.sources["revenue"]).sum()
assert abs(attributed - orders["amount"].sum()) < 0.01
print(f"attributed revenue {format_money(attributed, 'RUB')} = the export's total")
grouped_bar_chart(list(table.index), {"gross LTV": table["gross_ltv"].tolist(), "CAC": table["cac"].tolist()},
                  currency="RUB", title="Gross LTV and CAC per customer, by source (margin 60%)")

# %% [markdown]
# ## Which partners bring customers who buy again
#
# The share of customers who bought a second time differs almost threefold between partners. The coupon
# site and the cashback service bring many customers, with a discount, who mostly buy one cheap
# course; the blogger, the Telegram channel and the HR partner bring fewer people who come back.

# %%
affiliates = today[today.index.get_level_values("partner") != ""]
for (_channel, partner), row in affiliates.sort_values("repeat_buyers", ascending=False).iterrows():
    print(f"{partner:16} {row['kind']:26} {row['customers']:4d} customers, "
          f"{format_share(row['repeat_buyers'])} bought again, revenue per customer "
          f"{format_money(row['revenue'], 'RUB', decimals=0)}")

# %% [markdown]
# ### A critical look: LTV:CAC ranks partners differently from net LTV
#
# The first article's rule of thumb is LTV:CAC of at least 2:1. Every source passes it, so the rule
# does not choose between them. And the ratio rewards cheapness: the coupon site's customers cost
# little, so its ratio ranks in the middle of the nine sources, above paid search and the course
# aggregator; by net LTV per customer it ranks last, a fifth of what a blogger's customer leaves. A
# ratio says how efficiently money is spent; net LTV per customer (and the number of customers a
# source can deliver) says how much it earns.

# %%
ranked = today.assign(source=[partner or channel for channel, partner in today.index])
by_ratio = ranked.sort_values("ltv_to_cac", ascending=False)["source"].tolist()
by_net = ranked.sort_values("net_ltv", ascending=False)["source"].tolist()
print("by LTV:CAC:", ", ".join(by_ratio))
print("by net LTV:", ", ".join(by_net))
coupon = today.xs("kupony_dnya", level="partner").iloc[0]
blog = today.xs("blog_pro_python", level="partner").iloc[0]
print(f"coupon site: LTV:CAC {format_ratio(coupon['ltv_to_cac'])}, net LTV {format_money(coupon['net_ltv'], 'RUB', decimals=0)}; "
      f"blogger: LTV:CAC {format_ratio(blog['ltv_to_cac'])}, net LTV {format_money(blog['net_ltv'], 'RUB', decimals=0)}")

# %% [markdown]
# ## Commission on the first sale only, or a share of repeat sales too?
#
# The first article suggests paying partners on later purchases as well. What does that cost?
# Compare today's terms (each partner's own share of the first sale) with a design that pays every
# affiliate 10% of the first sale and 10% of repeat sales in the customer's first 12 months.

# %%
design = partner_economics(base, margin=margin, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12)
compare = affiliates[["net_ltv"]].rename(columns={"net_ltv": "net LTV today, RUB"})
compare["net LTV, 10% + 10% of repeats, RUB"] = design.loc[affiliates.index, "net_ltv"]
compare["change, RUB"] = compare.iloc[:, 1] - compare.iloc[:, 0]
compare.index = compare.index.get_level_values("partner")
compare.round(0)

# %% [markdown]
# Two things move at once. The cashback service and the aggregator get 10% of the first sale instead
# of 20-25%, and fewer of their customers come back, so the school keeps more per customer. The
# blogger, the Telegram channel and the HR partner now earn on their customers' repeat purchases, so
# the school keeps less from each of them — and pays most to exactly the partners whose customers
# last. That is the incentive the first article asks for, and it follows the second's advice to put
# money where the high-CLTV customers come from. Whether it pays depends on whether partners respond
# by sending more such customers; the data can only price the offer, not predict the response.

# %%
paid_today = float(((affiliates["first_sale_commission"] + affiliates["repeat_commission"])
                    * affiliates["customers"]).sum())
design_affiliates = design.loc[affiliates.index]
paid_design = float(((design_affiliates["first_sale_commission"] + design_affiliates["repeat_commission"])
                     * design_affiliates["customers"]).sum())
print(f"commissions over two years: today {format_money(paid_today, 'RUB', decimals=0)}, "
      f"with 10% + 10% of repeats {format_money(paid_design, 'RUB', decimals=0)}")

# %% [markdown]
# ## Try it
#
# Set the first-sale commission, the share of repeat sales and for how many months repeat sales
# count, and the margin: the label gives what affiliates are paid in total over the two years (RUB)
# and the best and worst net LTV per customer; the chart shows each affiliate. A margin above 100% is
# refused. The next cell prints the result at the starting values (15% of the first sale, 5% of
# repeat sales for 12 months, margin 60%).

# %%
calculator = commission_calculator(base)
calculator

# %%
print(calculator.result_text)

# %% [markdown]
# ## Exercises
#
# **ex-10-1.** Under the 10% + 10%-of-repeats design, the course aggregator (`kursy_agregator`) is
# paid 10% of the first sale instead of today's 25%. What is its LTV:CAC then, at a 60% margin? Answer
# as a number (7.2 for 7.2:1). Why does its ratio move so much more than its net LTV?

# %%
answer = None
check("ex-10-1", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer = float(design.xs("kursy_agregator", level="partner")["ltv_to_cac"].iloc[0])
check("ex-10-1", answer)
# CAC holds the first-sale commission but not the repeat commissions, so cutting the first from 25% to 10%
# shrinks CAC by more than half and doubles the ratio; the repeat commissions, paid out of later sales,
# take back most of that gain in net LTV.

# %% [markdown]
# **ex-10-2.** Keep 10% of the first sale and 10% of repeat sales, but pay on repeat sales for 24
# months instead of 12. At a 60% margin, what net LTV per customer does the Telegram channel
# (`tg_data_digest`) leave the school, in RUB?

# %%
answer = None
check("ex-10-2", answer)

# %% tags=["solution"] jupyter={"source_hidden": true}
longer = partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24)
answer = float(longer.xs("tg_data_digest", level="partner")["net_ltv"].iloc[0])
check("ex-10-2", answer)

# %% [markdown]
# ## Summary
#
# | per source (channel, partner) | formula | ltvkit |
# |---|---|---|
# | attribution | the source of the customer's first purchase | `customer_sources(orders)` |
# | CAC | (fixed spend + first-sale commissions) / customers | `partner_economics(...)["cac"]` |
# | gross LTV | revenue per customer × margin | `["gross_ltv"]` |
# | LTV:CAC | gross LTV / CAC (at least 2:1, says the article; it does not rank) | `["ltv_to_cac"]` |
# | net LTV | gross LTV − CAC − repeat commissions | `["net_ltv"]` |
#
# Judge partners by net LTV per customer and by how many such customers they can bring; price any
# commission on repeat sales with `partner_economics(base, repeat_rate=..., repeat_months=...)`
# before offering it. Next: notebook 11 asks which engagement metrics tell a valuable customer early.
