// The PTI Calendar design system: tokens live in ../index.css (@theme), components here. The
// back-office frame and data table come from `@/ui/staff`, out of the client portal's first load.
export { cx } from './cx';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button';
export { Spinner } from './Spinner';
export { FormField } from './FormField';
export { Input, Select, type SelectOption } from './Input';
export { Checkbox, Radio, Switch } from './Choice';
export { Avatar, Badge, StatusBadge, initials, type BadgeTone } from './Badge';
export { Alert, ProgressBar, ToastProvider, Tooltip, useToast, type Tone } from './Feedback';
export { Accordion, Breadcrumb, Card, Pagination, Tabs, pageWindow, type Tab } from './Layout';
export { ConfirmDialog, Drawer, Modal, type ConfirmDialogProps } from './Overlay';
export { Calendar, type CalendarProps } from './Calendar';
export { DatePicker } from './DatePicker';
export { DropdownMenu, type MenuItem } from './Menu';
export { SearchBar, type Suggestion } from './SearchBar';
export { Table, sortRows, type Column } from './Table';
export { Empty, Failure, Loading, PageTitle } from './states';
export { ErrorBoundary, type ErrorBoundaryProps } from './ErrorBoundary';
export { useInstallPrompt } from './install';
export { saveFile } from './saveFile';
export * from './dates';
