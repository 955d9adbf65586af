import { Option, type Command } from 'commander';
import { catalogFor } from '../../app/catalog-for.js';
import { controllerFor } from '../../app/controller-for.js';
import { planRequest } from '../../app/run-request.js';
import { toHuggingGpt } from '../../plan/formats/hugginggpt.js';
import { toTaskBench } from '../../plan/formats/taskbench.js';
import { collect, configOption, llmOption, memoryOption, type SetExit } from '../options.js';

interface PlanOptions { input: string[]; json?: boolean; format: string; llm?: string; db?: string; config?: string; memory?: string }

/** `troupe plan`: the plan of a request, without running it. */
export function registerPlan(program: Command, setExit: SetExit): void {
  program
    .command('plan')
    .description('show the plan for a request without running it')
    .argument('<request>', 'what you want, in words')
    .option('-i, --input <file>', 'an input file; repeatable', collect, [])
    .option('--json', 'print the plan as JSON')
    .addOption(new Option('--format <format>', 'plan format for --json').choices(['troupe', 'hugginggpt', 'taskbench']).default('troupe'))
    .addOption(llmOption())
    .option('--db <file>', 'catalog database whose MCP tools may be planned too (default: as for run)')
    .addOption(configOption())
    .addOption(memoryOption())
    .action(async (request: string, opts: PlanOptions) => {
      const controller = await controllerFor(opts.llm, opts.memory);
      const catalog = await catalogFor(opts, request);
      const { outcome } = await planRequest(request, opts.input, controller, catalog);
      const plan = opts.format === 'hugginggpt' ? toHuggingGpt(outcome.plan) : opts.format === 'taskbench' ? toTaskBench(outcome.plan) : outcome.plan;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ request, controller: controller.name, planner: outcome.planner, ...(outcome.fallback ? { fallback: outcome.fallback } : {}), plan, notes: outcome.notes, repairs: outcome.repairs }) + '\n');
      } else {
        for (const t of outcome.plan.tasks) {
          process.stdout.write(`${t.id}  ${t.task}${t.deps.length ? `  ← ${t.deps.join(', ')}` : ''}  ${JSON.stringify(t.args)}\n`);
        }
        for (const n of [...outcome.notes, ...outcome.repairs]) process.stdout.write(`note: ${n}\n`);
      }
      setExit(0);
    });
}
