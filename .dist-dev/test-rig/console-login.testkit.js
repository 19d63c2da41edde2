export const RIG_ADMIN_PASSWORD = 'Rig-admin-1';
/** Answers the login prompts on a console whose output is `output`; resolves at the command prompt. */
export async function firstLogin(output, input, timeoutMs = 15_000) {
    let seen = '';
    const onData = (chunk) => {
        seen += chunk.toString('latin1');
    };
    output.on('data', onData);
    const deadline = Date.now() + timeoutMs;
    /** Waits for `text` after what was already answered; polls the output the listener gathers. */
    const answer = async (text, reply) => {
        while (!seen.includes(text)) {
            if (Date.now() > deadline)
                throw new Error(`no ${JSON.stringify(text)} on the console; got ${JSON.stringify(seen)}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        seen = seen.slice(seen.indexOf(text) + text.length);
        input.write(reply);
    };
    try {
        input.write('\r');
        await answer('login: ', 'admin\r');
        await answer('Password: ', '\r');
        await answer('New Password: ', `${RIG_ADMIN_PASSWORD}\r`);
        await answer('Confirm Password: ', `${RIG_ADMIN_PASSWORD}\r`);
        await answer(' # ', '');
    }
    finally {
        output.off('data', onData);
    }
}
//# sourceMappingURL=console-login.testkit.js.map