export const id = 222;
export const ids = [222];
export const modules = {

/***/ 6222:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderAwsResult: () => (/* binding */ renderAwsResult)
/* harmony export */ });
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1413);

/** Text or JSON for a finished run, and whether it succeeded (destroy: nothing left). */
function renderAwsResult(r, json) {
    switch (r.action) {
        case 'plan': {
            const p = (0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .planJson */ .iY)(r.plan);
            return {
                ok: true,
                text: json
                    ? `${JSON.stringify(p, null, 2)}\n`
                    : `${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .renderPlanTable */ .Qi)(p.changes)}\ndrift: ${p.drift ? 'yes' : 'no'}\n`,
            };
        }
        case 'apply': {
            const o = r.outputs;
            if (json)
                return { ok: true, text: `${JSON.stringify(o, null, 2)}\n` };
            const rows = [
                ['vpc', o.vpcId],
                ['subnet', o.subnetId],
                ['internet gateway', o.internetGatewayId],
                ['egress-only gateway', o.egressOnlyInternetGatewayId],
                ['route table', o.routeTableId],
                ['security group', o.securityGroupId],
                ['instance', o.instanceId],
                ['public IPv4', o.publicIpv4],
                ['IPv6', o.ipv6Address],
                ['client profile', o.clientConfigPath],
            ];
            return {
                ok: true,
                text: `${(0,_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .renderPlanTable */ .Qi)(o.changes)}\n${rows.map(([k, v]) => `${k.padEnd(20)} ${v ?? '-'}`).join('\n')}\n`,
            };
        }
        case 'destroy': {
            const { deleted, left } = r.result;
            if (json)
                return { ok: left.length === 0, text: `${JSON.stringify(r.result, null, 2)}\n` };
            const lines = [
                ...deleted.map((d) => `deleted  ${d.type} ${d.id}`),
                ...left.map((l) => `LEFT     ${l.type} ${l.id}: ${l.reason}`),
                left.length ? `${left.length} resource(s) left` : 'nothing tagged is left',
            ];
            return { ok: left.length === 0, text: `${lines.join('\n')}\n` };
        }
        case 'reap': {
            const ok = r.result.reaped.every((x) => x.result.left.length === 0);
            if (json)
                return { ok, text: `${JSON.stringify(r.result, null, 2)}\n` };
            const lines = [
                ...r.result.reaped.map((x) => `reaped ${x.environment} (expired ${x.expiresAt}): ${x.result.deleted.length} deleted, ${x.result.left.length} left` +
                    x.result.left.map((l) => `\n  LEFT ${l.type} ${l.id}: ${l.reason}`).join('')),
                ...r.result.kept.map((x) => `kept   ${x.environment} (expires ${x.expiresAt ?? 'unknown'})`),
            ];
            return { ok, text: `${lines.join('\n') || 'no stackgate environments'}\n` };
        }
    }
}


/***/ })

};
