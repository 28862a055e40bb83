import PaodongModel

/// The cells of the reviewers' notebook: pandas to load, matplotlib to draw.
enum NotebookCells {
    static func make(directory: String) -> [Notebook.Cell] {
        let quoted = Notebook.escaped(directory)
        return [
            .markdown("""
            # 跑动报告 · paodong report

            Trips (跑动), waits and lead times from the paodong run or comparison in `\(directory)`. Every chart is
            drawn from the CSV files of that directory; set the environment variable `PAODONG_DIR` to point the
            notebook at another one and run all cells again.
            """),
            .code("""
            import os
            import numpy as np
            import pandas as pd
            import matplotlib.pyplot as plt
            from scipy import stats

            DIR = os.environ.get("PAODONG_DIR", "\(quoted)")
            comparison_file = os.path.join(DIR, "comparison.csv")
            if os.path.exists(comparison_file):
                comparison = pd.read_csv(comparison_file)
                folders = [comparison["baseline_name"].iloc[0]] + list(dict.fromkeys(comparison["scenario_name"]))
            else:
                comparison = None
                folders = [""]

            def read(folder, name):
                return pd.read_csv(os.path.join(DIR, folder, name))

            summary = {}
            for f in folders:
                s = read(f, "summary.csv")
                summary[f or s["scenario"].iloc[0]] = s
            names = list(summary)
            tables = {name: {t: read(f, t + ".csv") for t in ["by_item", "by_segment", "halls", "daily", "waits_by_level"]}
                      for name, f in zip(names, folders)}
            for name, f in zip(names, folders):
                tables[name]["hotline"] = read(f, "hotline.csv")
                screening_file = os.path.join(DIR, f, "screening.csv")
                tables[name]["screening"] = pd.read_csv(screening_file) if os.path.exists(screening_file) else None
            plt.rcParams["figure.figsize"] = (9, 4)
            print("scenarios:", ", ".join(names), "| replications:", ", ".join(str(len(s)) for s in summary.values()))
            """),
            .markdown("""
            ## 每件事跑动次数 · Trips per application

            The mean number of in-person trips per completed application in each scenario. The bars are the mean over
            replications; the whiskers are the 95 % confidence interval of that mean (Student t over replications;
            none with a single replication).
            """),
            .code("""
            means, halves = [], []
            for name in names:
                x = summary[name]["trips_per_application"].astype(float)
                means.append(x.mean())
                halves.append(stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x)) if len(x) > 1 else 0)
            fig, ax = plt.subplots()
            ax.bar(names, means, yerr=halves, capsize=6, color="#4c72b0")
            ax.set_ylabel("trips per application")
            ax.set_title("Trips per application (95 % CI over replications)")
            for i, m in enumerate(means):
                ax.annotate(f"{m:.2f}", (i, m), ha="center", va="bottom")
            plt.show()
            """),
            .markdown("""
            ## 跑动次数分布 · How many trips

            The share of completed applications that needed no trip, one, two, or three and more. "At most one
            trip" (最多跑一次) is the first two segments together; "zero trips" (零跑动) the first.
            """),
            .code("""
            cols = ["applications_0_trips", "applications_1_trip", "applications_2_trips", "applications_3plus_trips"]
            labels = ["0", "1", "2", "3+"]
            shares = pd.DataFrame({n: summary[n][cols].mean() / summary[n][cols].mean().sum() for n in names}).T
            shares.columns = labels
            ax = shares.plot.barh(stacked=True, colormap="viridis")
            ax.set_xlabel("share of completed applications")
            ax.set_title("Trips per application")
            ax.legend(title="trips", bbox_to_anchor=(1.02, 1), loc="upper left")
            plt.show()
            shares.round(3)
            """),
            .markdown("""
            ## 各级大厅排队 · Waits by hall level

            Queue waits of served visits at community, street, district and city halls and at kiosks: the median,
            the 90th and the 99th percentile, in minutes (first replication of each scenario).
            """),
            .code("""
            fig, axes = plt.subplots(1, len(names), figsize=(5 * len(names), 4), sharey=True, squeeze=False)
            for ax, name in zip(axes[0], names):
                w = tables[name]["waits_by_level"].set_index("level")[["wait_p50_min", "wait_p90_min", "wait_p99_min"]]
                w.columns = ["p50", "p90", "p99"]
                w.plot.bar(ax=ax, rot=0)
                ax.set_title(name)
                ax.set_ylabel("wait (min)")
            plt.tight_layout()
            plt.show()
            """),
            .markdown("""
            ## 办结时间 · Lead time

            Calendar days from the day a need arises to the result in hand, mean over completed applications; and,
            for the last scenario, how that mean spreads over items.
            """),
            .code("""
            fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
            a.bar(names, [summary[n]["lead_time_mean_days"].mean() for n in names], color="#55a868")
            a.set_ylabel("days")
            a.set_title("Mean lead time")
            items = tables[names[-1]]["by_item"]
            items = items[items["needs_completed"] > 0]
            b.hist(items["lead_time_mean_days"], bins=40, weights=items["needs_completed"], color="#55a868")
            b.set_xlabel("mean lead time of the item (days)")
            b.set_ylabel("needs")
            b.set_title(f"Lead time by item, {names[-1]}")
            plt.tight_layout()
            plt.show()
            """),
            .markdown("""
            ## 办理渠道 · Channel mix

            How completed applications were submitted: at a hall window, at a kiosk, on the web, or on the i深圳 app.
            """),
            .code("""
            mix = pd.DataFrame({n: summary[n][[\(Metric.channelShares.map { "\"\($0.name)\"" }.joined(separator: ", "))]].mean() for n in names}).T
            mix.columns = [\(Channel.allCases.map { "\"\($0.key)\"" }.joined(separator: ", "))]
            ax = mix.plot.barh(stacked=True)
            ax.set_xlabel("share of completed applications")
            ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left")
            ax.set_title("Channel mix")
            plt.show()
            mix.round(3)
            """),
            .markdown("""
            ## 数字化采用 · Online adoption over the year

            The share of agents who use online channels, day by day: it grows as agents who try an online channel
            keep using it.
            """),
            .code("""
            fig, ax = plt.subplots()
            for name in names:
                d = tables[name]["daily"]
                ax.plot(pd.to_datetime(d["date"]), d["adoption_online"], label=name)
            ax.set_ylabel("share of agents adopted")
            ax.set_title("Online adoption")
            ax.legend()
            plt.show()
            """),
            .markdown("""
            ## 公平 · Equity: seniors and agents without digital adoption

            Trips per application and mean queue wait for residents aged 60 and over and for agents who had not
            adopted online services when their need arose, against everyone.
            """),
            .code("""
            rows = ["all_seniors", "all_non_adopters", "all"]
            fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
            width = 0.8 / len(names)
            for k, name in enumerate(names):
                seg = tables[name]["by_segment"].set_index("segment").loc[rows]
                x = np.arange(len(rows)) + k * width
                a.bar(x, seg["trips_per_application"], width, label=name)
                b.bar(x, seg["wait_mean_min"], width, label=name)
            for ax, title in [(a, "trips per application"), (b, "mean wait (min)")]:
                ax.set_xticks(np.arange(len(rows)) + width * (len(names) - 1) / 2)
                ax.set_xticklabels(["seniors", "non-adopters", "all"])
                ax.set_title(title)
            a.legend()
            plt.tight_layout()
            plt.show()
            """),
            .markdown("""
            ## 减少跑动最多的事项 · The 20 items with most trips avoided

            Trips of each item's needs in the baseline minus in the last scenario (trips per need × completed
            needs, first replications; a bundled need carries its bundle's trips). Without a comparison, the 20 items with most trips.
            """),
            .code("""
            def trips(name):
                t = tables[name]["by_item"].set_index("item_id")
                return (t["trips_per_need"].fillna(0) * t["needs_completed"]), t
            base, meta = trips(names[0])
            if len(names) > 1:
                last, _ = trips(names[-1])
                value, label = (base - last), f"trips avoided, {names[0]} → {names[-1]}"
            else:
                value, label = base, "trips"
            top = value.sort_values(ascending=False).head(20)
            table = meta.loc[top.index, ["name_zh", "name_en"]].assign(**{label: top.round(0)})
            fig, ax = plt.subplots(figsize=(9, 6))
            ax.barh(meta.loc[top.index, "name_en"][::-1], top[::-1], color="#c44e52")
            ax.set_xlabel(label)
            plt.show()
            table
            """),
            .markdown("""
            ## 最繁忙的大厅 · The busiest halls

            The 15 halls (and kiosk pools) with the highest utilisation of their windows over opening hours in the
            last scenario, with their mean and 90th-percentile waits. Utilisation can pass 1 with overtime.
            """),
            .code("""
            halls = tables[names[-1]]["halls"].sort_values("utilization", ascending=False).head(15)
            fig, ax = plt.subplots(figsize=(9, 5))
            ax.barh((halls["hall_id"] + " " + halls["level"] + " " + halls["district"])[::-1], halls["utilization"][::-1], color="#8172b2")
            ax.set_xlabel("utilisation over opening hours")
            ax.set_title(f"Busiest halls, {names[-1]}")
            plt.show()
            halls[["hall_id", "level", "district", "windows", "visits", "utilization", "wait_mean_min", "wait_p90_min", "max_queue"]]
            """),
            .markdown("""
            ## 12345 热线 · The hotline's service level by hour and by day

            Left: the share of call attempts answered within the standard (15 s) in each hour of the day, over
            the whole run, for each scenario and line; the dashed lines are the agents on duty (right axis, mean
            over days). Right: the share day by day (all lines), where a surge of calls shows. Attempts include redials.
            """),
            .code("""
            fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4))
            agents_axis = a.twinx()
            for name in names:
                h = tables[name]["hotline"]
                for line, g in h.groupby("line"):
                    by_hour = g.groupby("hour")[["attempts", "answered_within_standard", "agents"]].agg(
                        {"attempts": "sum", "answered_within_standard": "sum", "agents": "mean"})
                    a.plot(by_hour.index, by_hour["answered_within_standard"] / by_hour["attempts"], marker="o", label=f"{name} {line}")
                    agents_axis.plot(by_hour.index, by_hour["agents"], linestyle="--", alpha=0.5)
                by_day = h.groupby("date")[["attempts", "answered_within_standard"]].sum()
                b.plot(pd.to_datetime(by_day.index), by_day["answered_within_standard"] / by_day["attempts"], label=name)
            a.set_xlabel("hour of day"); a.set_ylabel("answered within standard"); a.set_ylim(0, 1.05)
            agents_axis.set_ylabel("agents on duty")
            a.legend(fontsize=7); b.set_ylabel("answered within standard"); b.set_ylim(0, 1.05); b.legend(fontsize=7)
            b.set_title("by day")
            plt.tight_layout()
            plt.show()
            """),
            .markdown("""
            ## 核酸筛查 · The screening's queues by site

            For each scenario with a screening campaign: the mean line at the registration desks (solid) and at
            the sampling stations (dashed) found by arrivals, hour by hour through the campaign, for the five
            busiest sites; and the people sampled each day over all sites.
            """),
            .code("""
            campaigns = [n for n in names if tables[n]["screening"] is not None]
            if not campaigns:
                print("no scenario here has a screening campaign")
            for name in campaigns:
                sc = tables[name]["screening"]
                sc = sc.assign(t=(sc["day"] - 1) * 24 + sc["hour"])
                busiest = sc.groupby("site")["desk_line_mean"].mean().sort_values(ascending=False).head(5).index
                fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4))
                for site in busiest:
                    g = sc[sc["site"] == site]
                    line = a.plot(g["t"], g["desk_line_mean"], label=f"site {site}")[0]
                    a.plot(g["t"], g["station_line_mean"], linestyle="--", color=line.get_color())
                a.set_xlabel("hours from the first day's midnight"); a.set_ylabel("people in line"); a.set_title(name); a.legend(fontsize=7)
                per_day = sc.groupby("day")[["arrivals", "sampled", "gave_up"]].sum()
                per_day.plot.bar(ax=b); b.set_title("people per day, all sites")
                plt.tight_layout()
                plt.show()
            """),
        ]
    }
}
