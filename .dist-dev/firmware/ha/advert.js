/** Whether `serial`'s advert claims the primary role: in work, naming itself. */
export function claimsPrimary(serial, a) {
    return a.state === 'work' && a.primary === serial;
}
//# sourceMappingURL=advert.js.map